#!/usr/bin/python3
# test-e2e.py — the real window, driven as an official would, through AT-SPI
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts `civicdesk --demo` (the client starts the bundled civicdesk-server
# with generated cases), finds widgets by their accessible names and roles,
# clicks and types through the accessibility bus, and checks what the
# official sees and what the service recorded. Speaks TAP.
#
# Needs a display and a D-Bus session whose accessibility bus knows it:
#   xvfb-run dbus-run-session -- tests/e2e/test-e2e.py

import json
import os
import signal
import shutil
import subprocess
import sys
import time
import traceback
import urllib.parse
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from civicdesk_e2e import *  # noqa: E402,F401,F403
import civicdesk_e2e  # noqa: E402

# What the window says, composed as the program composes it.
PENDING_NOTE = trn('Waiting to be sent: %s. It shows here as done; the service has the last word.',
                   'Waiting to be sent: %s. They show here as done; the service has the last word.',
                   1).split('%s')[0]


# The tests

def test_demo_inbox_search_open():
    client = Client('examiner')
    try:
        screenshot('e2e-inbox')
        wait(client.app, named('label', 'My Tasks'), 'the queue My Tasks')
        assert find(client.cases, named('list item')) is not None, 'the inbox is empty'

        mine = [c for c in all_cases().values()
                if c['assignee_id'] == 'u-examiner' and c['state'] != 'closed']
        case = sorted(mine, key=lambda c: c['number'])[0]
        client.search(case['number'])
        wait(client.app, named('label', trn('%u case found', '%u cases found', 1) % 1), 'one case found')
        page_title = client.open_case(case['number'])
        assert page_title is not None
        wait(client.app, named('label', case['item']['name']), 'the service item on the page')
        wait(client.app, named('label', 'Time Limits'), 'the time limits')
        screenshot('e2e-case')
    finally:
        client.close()


def test_accept_then_decide():
    def acceptable(case):
        return scjg(case) and case['state'] in ('submitted', 'pre-review') and \
            case['assignee_id'] is None and \
            all(m['received'] or not m['required'] for m in case['materials'])

    # The demo service runs while a client does: the cases are looked up
    # on it once the client is up.
    client = Client('clerk')
    try:
        case = pick(all_cases(), acceptable)
        client.show_queue('Department Queue')
        client.search(case['number'])
        client.open_case(case['number'])
        client.take_action('Accept', 'Accept')
        wait(client.app, named('label', 'Under review'), 'the state Under review')
        # Sent: the note goes when the service has taken it.
        wait_gone(client.app, named('label', prefix=PENDING_NOTE), 'the pending note')
        client.wait_synced()
        assert service_case(case['id'])['state'] == 'under-review'
    finally:
        client.close()

    client = Client('approver')
    try:
        case = open_decidable_case(client)
        # Nothing is decided for the official: they choose.
        client.take_action('Decide', 'Decide',
                           lambda dialog: client.choose(dialog, '_Decision', 'Approve'))
        wait(client.app, named('label', 'Approved'), 'the state Approved')
        wait_gone(client.app, named('label', prefix=PENDING_NOTE), 'the pending note')
        client.wait_synced()
        assert service_case(case['id'])['state'] == 'approved'
    finally:
        client.close()


def count_comments(case_id, text):
    return sum(1 for e in service_case(case_id)['events']
               if e['type'] == 'comment' and e.get('text') == text)


def test_offline_then_synced():
    text = 'offline: 已电话联系申请人补充说明'
    client = Client('examiner')
    port = demo_port()
    restarted = None
    try:
        mine = pick(all_cases(), lambda c: scjg(c) and c['assignee_id'] == 'u-examiner'
                    and c['state'] == 'under-review')
        stop_service()
        widget_action(client.frame, 'win.sync-now')
        wait(client.app, named('push button', prefix='Offline'), 'the sync state Offline')
        wait(client.app, named('label', 'Offline. You can keep working: what you do is kept on this '
                                   'computer and sent when the service is back.'), 'the offline bar')

        client.search(mine['number'])
        client.open_case(mine['number'])

        def write(dialog):
            type_into(wait(dialog, named('text', '_Comment'), 'the comment field'), text)

        client.take_action('Comment', 'Comment', write)
        # The case page's toast, through the window's overlay
        wait_toast(client, named('label', tr('%s — kept on this computer until the service is back')
                                 % tr('Comment')), 'the toast')
        client.row(mine['number'])
        wait(client.cases, named('list item', contains=', waiting to be sent'), 'the pending mark')
        wait(client.app, named('push button', ONE_PENDING), 'one pending action')
        screenshot('e2e-offline')

        restarted = start_service(port)
        press(wait(client.app, named('push button', '_Retry'), 'the Retry button'))
        client.wait_synced()
        wait_gone(client.cases, named('list item', contains=', waiting to be sent'), 'the pending mark')
        assert count_comments(mine['id'], text) == 1
    finally:
        client.close()
        if restarted is not None:
            restarted.terminate()
            restarted.wait()


def test_offline_chain():
    """Two actions on one case while offline — a claim, then an opinion
    on the claimed case — go through without a conflict: the second is
    checked against what the first made, not refused as stale."""
    text = 'offline chain: 材料齐全，符合法定条件，建议准予许可'
    client = Client('examiner')
    restarted = None
    try:
        case, port = claim_offline(client)

        def write(dialog):
            type_into(wait(dialog, named('text', '_Opinion'), 'the opinion field'), text)

        client.take_action('Record Opinion', 'Record Opinion', write)
        wait(client.app, named('push button', tr('Offline · %s') %
                               (trn('%u pending', '%u pending', 2) % 2)), 'two pending actions')

        restarted = start_service(port)
        press(wait(client.app, named('push button', '_Retry'), 'the Retry button'))
        client.wait_synced()
        served = service_case(case['id'])
        assert served['assignee_id'] is None and served['queue'] == 'approver', served['queue']
        # Both applied, in order: neither was refused as stale
        assert [e['type'] for e in served['events']][-2:] == ['claim', 'opinion']
    finally:
        client.close()
        if restarted is not None:
            restarted.terminate()
            restarted.wait()


def test_undo_offline():
    """An action kept on this computer is taken back from its toast: the
    pending mark goes, the case is as it was, the service never hears of
    it."""
    client = Client('examiner')
    restarted = None
    try:
        case, port = claim_offline(client)
        press(wait_toast(client, named('push button', '_Undo'), 'the Undo of the toast'))
        wait_toast(client, named('label', tr('%s — taken back') % tr('Claim')), 'the toast: taken back')
        wait_gone(client.app, named('push button', ONE_PENDING), 'the pending action')
        wait(client.app, named('push button', 'Claim'), 'Claim offered again')

        restarted = start_service(port)
        press(wait(client.app, named('push button', '_Retry'), 'the Retry button'))
        client.wait_synced()
        assert service_case(case['id'])['assignee_id'] is None, 'the claim reached the service'
    finally:
        client.close()
        if restarted is not None:
            restarted.terminate()
            restarted.wait()


def test_conflict_lands_in_conflicts():
    client = Client('examiner')
    restarted = None
    try:
        case, colleague, restarted = claim_behind_a_colleague(client, 'e2e-colleague-claim')
        # Told at once, with the way to it
        wait_toast(client, named('label', trn('The service refused %u action',
                                              'The service refused %u actions', 1) % 1),
                   'the toast of the refusal')
        press(wait_toast(client, named('push button', '_Show'), 'the toast\'s Show button'))
        conflicts = wait(client.app, named('list', 'Conflicts'), 'the list of conflicts')
        wait(conflicts, named('label', tr('%s — %s') % (tr('Claim'), case['number'])), 'the refused claim')
        wait(conflicts, named('label', contains=colleague), 'the service\'s reason')
        screenshot('e2e-conflict')
        walk = Walk()
        walk.check('conflicts', client.app)
        walk.verdict()

        # Discarding asks first; then the conflict is gone.
        press(wait(conflicts, named('push button', '_Discard'), 'the Discard button'))
        confirm = wait(client.app, lambda a: a.getRoleName() in ('dialog', 'frame', 'alert') and
                       find(a, named('label', 'Discard This Action?')) is not None,
                       'the confirmation')
        press(wait(confirm, named('push button', '_Discard'), 'the confirming Discard'))
        wait(client.app, named('label', 'No Conflicts'), 'no conflicts left')
    finally:
        client.close()
        if restarted is not None:
            restarted.terminate()
            restarted.wait()


def test_switch_role_with_unsent_work():
    """Switching role with an action not sent asks first. Send Now, with
    the service stopped: not sent, said so, nothing switched. Keep for
    Later: the stopped demo service is started again only when asked, and
    that is said; the kept action reaches the service when the official
    signs in again."""
    client = Client('examiner')
    try:
        case, _ = claim_offline(client)
        heading = trn('%u Action Not Sent', '%u Actions Not Sent', 1) % 1

        def choose_role(item):
            client.menu(item)
            return wait(client.app, lambda a: a.getRoleName() in ('dialog', 'frame', 'alert') and
                        find(a, named('label', heading)) is not None, 'the question')

        press(wait(choose_role('Demo: Approver'), named('push button', 'Send _Now'), 'Send Now'))
        # Said with the reason, or without one when the send attempt ended
        # before it could fail (a sync already under way, a slow build)
        not_sent = (tr('Not sent: %s. The actions are kept on this computer; nothing was '
                       'switched.').split('%s')[0],
                    tr('Not sent yet. The actions are kept on this computer; nothing was '
                       'switched.'))
        wait_toast(client, lambda a: named('label', prefix=not_sent[0])(a) or
                   named('label', not_sent[1])(a), 'the toast that nothing was sent')
        wait(client.app, named('push button', ONE_PENDING), 'the action still pending')

        walk = Walk()
        question = choose_role('Demo: Approver')
        walk.check('unsent work', question)
        press(wait(question, named('push button', '_Keep for Later'), 'Keep for Later'))
        ask = wait(client.app, lambda a: a.getRoleName() in ('dialog', 'frame', 'alert') and
                   find(a, named('label', 'Start the Demo Service Again?')) is not None,
                   'the question before starting the service')
        walk.check('stopped service', ask)
        walk.verdict()
        press(wait(ask, named('push button', '_Start and Switch'), 'Start and Switch'))
        wait_toast(client, named('label', 'The demo service was started again'),
                   'the toast that the service started')
        client.wait_synced()
        separator = tr('%s · %s').split('%s')[1]
        wait(client.app, lambda a: a.getRoleName() == 'label' and
             clean(a.name).endswith(separator + tr('Approver')), 'the approver signed in')
        assert service_case(case['id'])['assignee_id'] is None, 'the kept claim was sent'

        client.menu('Demo: Examiner')
        client.wait_synced()
        end = time.time() + TIMEOUT
        while service_case(case['id'])['assignee_id'] != 'u-examiner' and time.time() < end:
            time.sleep(0.25)
        assert service_case(case['id'])['assignee_id'] == 'u-examiner', 'the kept claim was lost'
    finally:
        client.close()


def test_supervisor_reads_a_case():
    """A supervisor's client does not hold the province: their window
    opens on the Supervision section, with no inbox in the sidebar. A case
    of a department's red and yellow list opens read from the service, on
    its page, with no step of the case's to take."""
    client = Client('supervisor')
    try:
        sections = wait(client.app, named('list', 'Sections'), 'the sidebar')
        departments = wait(client.app, named('list', 'Red and yellow, by department'),
                           'the departments')
        for queue in ('All Cases', 'My Tasks', 'Department Queue', 'Watching', 'Done'):
            assert find(sections, named('label', queue)) is None, queue + ' is shown'
        # The list's first page, as the client asks for it
        items = request('GET', '/api/v1/supervision/items?department=scjg&offset=0&limit=50',
                        sign_in('supervisor'))['items']
        item = next(i for i in items if i['type'] == 'case')
        case = service_case(item['id'])
        click(wait(departments, named('list item', prefix='湖南省市场监督管理局'),
                   'the department of the demo'))
        records = wait(client.app, named('list', 'Records'), 'its red and yellow records')
        row = wait(records, named('list item', prefix=item['title']), 'the case ' + case['number'])
        scroll_to(row, records)
        click(row)
        wait(client.app, named('label', case['number']), 'the case page of ' + case['number'])
        screenshot('e2e-supervisor-case')
        for step in ('Claim', 'Comment', 'Approve'):
            button = find(client.app, named('push button', prefix=step))
            assert button is None or not button.getState().contains(pyatspi.STATE_SHOWING), \
                step + ' is offered'
    finally:
        client.close()


def card_of(title, user='supervisor'):
    """The supervision card on the record @title, as the service has it."""
    return next((c for c in all_of('warning', user).values()
                 if c.get('target_title') == title), None)


def wait_card(title, state, user='supervisor'):
    end = time.time() + TIMEOUT
    card = None
    while time.time() < end:
        card = card_of(title, user)
        if card is not None and card['state'] == state:
            return card
        time.sleep(0.25)
    raise AssertionError('the card on %s is not %s: %s' % (title, state, card))


def open_card(client, title):
    """The card on @title, from the Supervision section's list of cards."""
    client.show_queue(trc('section', 'Supervision'))
    client.menu('_Sync Now')
    client.wait_synced()
    label = fmt(tr('%s on %s'), tr('Red Card'), title)
    cards = wait(client.app, named('list', 'Supervision cards'), 'the cards')
    click(wait(cards, named('list item', prefix=label), 'the card on ' + title))


def test_red_card():
    """E-supervision (电子监察) from end to end: a case of the demo
    department has gone red. The supervisor finds it under the department
    in the Supervision section and issues a red card on it. The
    department's head finds the card in their own Supervision section, with
    its days to reply, and replies with the measures taken. The supervisor
    reads the reply and closes the card. Each step is on the service."""
    supervisor = Client('supervisor')
    try:
        # The charts are images whose names say their figures, week by week
        title = tr('Went overdue and completed late, by week')
        chart = wait(supervisor.app, lambda a: a.getRoleName() == 'image' and
                     clean(a.name).startswith(title), 'the chart of overdue items')
        assert tr('Went overdue') in clean(chart.name), chart.name
        # The department with the most red first; its red records, the
        # longest overdue first
        departments = wait(supervisor.app, named('list', 'Red and yellow, by department'),
                           'the departments')
        click(wait(departments, named('list item', prefix='湖南省市场监督管理局'),
                   'the department of the demo'))
        records = wait(supervisor.app, named('list', 'Records'), 'its red and yellow records')
        prefix, suffix = tr('Issue a Card on %s').split('%s')
        issue = wait(records, named('push button', prefix=prefix),
                     'the button that issues a card on a record')
        title = clean(issue.name)[len(prefix):len(clean(issue.name)) - len(suffix)]
        press(issue)
        dialog = wait(supervisor.app, lambda a: a.getRoleName() in ('dialog', 'frame', 'alert')
                      and find(a, named('push button', 'Issue a Card')) is not None,
                      'the form of a card')
        supervisor.choose(dialog, '_Card', 'Red Card')
        type_into(wait(dialog, named('text', 'What Must Be _Put Right'), 'what must be put right'),
                  '该案件已超过承诺时限，请说明原因并于三个工作日内办结。')
        button = wait(dialog, named('push button', 'Issue a Card'), 'the button Issue a Card')
        end = time.time() + 10
        while not button.getState().contains(pyatspi.STATE_SENSITIVE) and time.time() < end:
            time.sleep(0.2)
        press(button)
        supervisor.menu('_Sync Now')
        supervisor.wait_synced()
        card = wait_card(title, 'open')
        assert card['level'] == 'red' and card['department_id'] == 'scjg', card
    finally:
        supervisor.close()

    # The department's head: the card, its time to reply, their reply
    head = Client('approver')
    try:
        open_card(head, title)
        wait(head.app, named('label', prefix=tr('Round %u, due %s').split('%u')[0]),
             'the time to reply')

        def measures(dialog):
            type_into(wait(dialog, named('text', '_Measures Taken'), 'the measures'),
                      '已约谈承办人，案件已于今日办结；建立超期预警台账，每周通报。')
        head.take_action('Reply with Measures Taken', 'Reply with Measures Taken', measures)
        head.wait_synced()
        wait_card(title, 'replied', 'approver')
    finally:
        head.close()

    # The supervisor reads the reply and closes the card
    supervisor = Client('supervisor')
    try:
        open_card(supervisor, title)
        wait(supervisor.app, named('label', prefix='已约谈承办人'), 'the reply')

        def assessment(dialog):
            type_into(wait(dialog, named('text', '_Assessment'), 'the assessment'),
                      '整改措施到位，予以办结。')
        supervisor.take_action('Close the Card', 'Close the Card', assessment)
        supervisor.wait_synced()
        card = wait_card(title, 'closed')
        assert [e['type'] for e in card['events']] == ['issued', 'replied', 'closed'], card
    finally:
        supervisor.close()


class Walk:
    """Collects, screen by screen, the controls a screen reader cannot
    name; fails at the end with all of them."""

    def __init__(self):
        self.defects = []
        self.screens = 0

    def check(self, screen, root):
        self.screens += 1
        self.defects += ['%s: %s' % (screen, d) for d in unnamed_controls(root)]

    def popover(self, screen, app, button):
        """Opens the popover of @button, checks it, closes it."""
        if button.getRoleName() == 'combo box':
            click(button)
        else:
            press(button)
        time.sleep(0.5)
        self.check(screen, app)
        key(0xff1b)  # Escape
        time.sleep(0.3)

    def dialog(self, screen, app, label, fill=None):
        """Opens the dialog of the action @label, checks it, cancels it."""
        press(wait(app, named('push button', prefix=label), 'the button ' + label))
        dialog = wait(app, lambda a: a.getRoleName() in ('dialog', 'frame') and
                      clean(a.name) != tr('Civic Desk') and
                      find(a, named('push button', '_Cancel')) is not None, 'the dialog ' + label)
        if fill:
            fill(dialog)
        self.check(screen, dialog)
        press(wait(dialog, named('push button', '_Cancel'), 'Cancel'))
        time.sleep(0.3)

    def window(self, screen, client, item, title):
        """Opens a window of its own from the main menu's @item, checks it,
        closes it."""
        app = client.app
        client.menu(item)
        window = wait(app, lambda a: a.getRoleName() in ('dialog', 'frame') and
                      clean(a.name) == tr(title), 'the window ' + title)
        time.sleep(0.5)
        self.check(screen, window)
        widget_action(window, 'window.close')
        time.sleep(0.3)

    def verdict(self):
        assert self.screens > 0
        assert not self.defects, '%d controls without a usable name:\n%s' % (
            len(self.defects), '\n'.join(self.defects))


def test_correction_notice_printed():
    """A clerk asks for the missing materials; the correction notice is
    offered at the end of the dialog, issued, numbered by the service,
    printed (to a file, the printer there is), and checked by its code."""
    client = Client('clerk')
    try:
        case = pick(all_cases(), needs_correction)
        client.show_queue('Department Queue')
        client.search(case['number'])
        client.open_case(case['number'])
        client.take_action('Request Correction', 'Request Correction')

        # The notice, offered as a draft
        draft = offered_document(client.app)
        assert clean(draft.name) == '补正材料通知书', draft.name
        walk = Walk()
        walk.check('document draft', draft)
        press(wait(draft, named('push button', '_Issue'), 'Issue'))
        client.wait_synced()

        # Numbered by the service, listed on the case
        issued = None
        end = time.time() + TIMEOUT
        while issued is None and time.time() < end:
            documents = service_case(case['id'])['documents']
            issued = documents[0] if documents and documents[0].get('number') else None
            time.sleep(0.25)
        assert issued is not None, 'the service numbered no notice'
        assert issued['number'].startswith('湘市监补〔2026〕'), issued['number']
        wait(client.app, named('label', contains=issued['number']), 'the number on the case page')

        # Opened, and printed
        viewer = open_document(client.app, '补正材料通知书')
        button = wait(viewer, named('push button', '_Print…'), 'Print…')
        walk.check('case documents', client.frame)
        walk.check('document', viewer)
        walk.verdict()
        text = print_to_file(client, button, issued['number'])
        assert issued['number'] in text and issued['code'] in text, text

        # Anyone holding it checks it
        check = request('GET', '/public/v1/documents/' + issued['code'])
        assert check['issued'] and check['number'] == issued['number'], check
    finally:
        client.close()


def printed_whole(path):
    with open(path, 'rb') as f:
        f.seek(0, os.SEEK_END)
        f.seek(max(0, f.tell() - 32))
        return f.read().rstrip().endswith(b'%%EOF')


def print_to_file(client, button, number):
    """Presses the document's Print… @button and prints to a file, the
    printer there is; returns the text of what was printed."""
    press(button)
    dialog = wait(client.app, lambda a: a.getRoleName() == 'dialog' and
                  find(a, named('label', tr_gtk('Print to File'))) is not None,
                  'the print dialog')
    click(wait(dialog, named('label', tr_gtk('Print to File')), 'Print to File'))
    button = wait(dialog, named('push button', tr_gtk('_Print')), 'Print')
    end = time.time() + 10
    while not button.getState().contains(pyatspi.STATE_SENSITIVE) and time.time() < end:
        time.sleep(0.2)
    press(button)

    printed = os.path.join(civicdesk_e2e.documents_dir, number + '.pdf')
    end = time.time() + TIMEOUT
    while not os.path.exists(printed) and time.time() < end:
        time.sleep(0.1)
    assert os.path.exists(printed), 'nothing printed to ' + printed
    # Read once written to its end: a PDF's last line is %%EOF
    while not printed_whole(printed) and time.time() < end:
        time.sleep(0.1)
    assert printed_whole(printed), 'the document printed to %s has no end' % printed
    return subprocess.run(['pdftotext', printed, '-'], capture_output=True, text=True,
                          check=True).stdout


def hearing_step(client, label, response=None, fill=None):
    """Takes the step @label on the hearing page shown: its suggested
    button, or an item of More Actions; through its dialog when it asks
    for something (@response is the dialog's button)."""
    # A step that asks for something says so with "…" after its label
    with_dots = tr(label) + '…' if response else label
    button = find(client.app, named('push button', with_dots))
    if button is None:
        press(wait(client.app, named('push button', 'More Actions'), 'More Actions'))
        button = wait(client.app, named('menu item', with_dots), 'the menu item ' + label)
    press(button)
    if response is None:
        return
    dialog = wait(client.app, lambda a: a.getRoleName() in ('dialog', 'frame', 'alert')
                  and find(a, named('push button', response)) is not None,
                  'the dialog of ' + label)
    if fill:
        fill(dialog)
        time.sleep(0.8)
        if find(client.app, lambda a: a.getRoleName() in ('dialog', 'frame', 'alert')
                and find(a, named('push button', response)) is not None) is None:
            return  # the Return that chose in a drop-down answered the form too
    apply = wait(dialog, named('push button', response), 'the button ' + response)
    end = time.time() + 10
    while not apply.getState().contains(pyatspi.STATE_SENSITIVE) and time.time() < end:
        time.sleep(0.2)
    assert apply.getState().contains(pyatspi.STATE_SENSITIVE), 'the rules refuse ' + label
    press(apply)


def wait_hearing(hearing_id, predicate, what):
    end = time.time() + TIMEOUT
    hearing = None
    while time.time() < end:
        hearing = service_record('hearings', hearing_id)
        if hearing is not None and predicate(hearing):
            return hearing
        time.sleep(0.25)
    raise AssertionError('the service never had %s: %s' % (what, json.dumps(hearing, ensure_ascii=False)))


def test_hearing_from_request_to_decision():
    """Art. 47 from end to end: the examiner informs the parties of their
    right to a hearing and records the request one of them makes; the
    hearing officer drags the hearing onto a free time of a room, sends
    the notices and prints one; on the day the host opens the hearing,
    writes the record, has every participant sign it and closes it; the
    approver decides, and the decision cites the record (Art. 48)."""
    day = '2026-03-31'
    party = '赵利害'

    def informable(c):
        return scjg(c) and c['state'] == 'under-review' and \
            c['assignee_id'] == 'u-examiner' and not c['opinions'] and \
            not c['hearing'].get('informed_on') and not c['hearing'].get('required') and \
            c['summary']['status'] != 'paused'

    # The examiner: the right, then the request
    client = Client('examiner')
    try:
        case = pick(all_cases(), informable)
        client.search(case['number'])
        client.open_case(case['number'])

        def parties(dialog):
            entry = wait(dialog, named('text', '_Parties Informed'), 'the parties')
            type_into(entry, case['applicant']['name'] + ', ' + party)
        client.take_action('Inform of Hearing Right', 'Inform of Hearing Right', parties)
        draft = offered_document(client.app)
        press(wait(draft, named('push button', '_Issue'), 'Issue'))
        client.wait_synced()

        def requested(dialog):
            type_into(wait(dialog, named('text', '_Requested By'), 'who asked'), party)
        client.take_action('Record Hearing Request', 'Record Hearing Request', requested)
        client.wait_synced()
        end = time.time() + TIMEOUT
        while not service_case(case['id'])['hearing'].get('hearing_id') and time.time() < end:
            time.sleep(0.25)
        hearing_id = service_case(case['id'])['hearing'].get('hearing_id')
        assert hearing_id, 'the request made no hearing'
    finally:
        client.close()

    # The hearing officer: by drag onto a free time, then the notices
    hearing_name = tr('Hearing on %s') % case['number']
    client = Client('officer')
    try:
        client.show_queue('Hearings')
        row = wait(client.app, named('list item', prefix=hearing_name), 'the hearing to schedule')
        press(wait(client.app, named('push button', '_Day by Room'), 'Day by Room'))
        # Today is 03-20: a day later at a time, each shown before the next
        for _ in range(11):
            if find(client.app, named('table cell', contains=day)) is not None:
                break
            press(wait(client.app, named('push button', 'Later'), 'Later'))
            time.sleep(0.5)
        wait(client.app, named('table cell', contains=day), 'the day ' + day)
        forbidden = tr('%s, not allowed: %s').split('%s')[1]
        screen = client.frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS)

        def free_slot():
            for cell in find_all(client.app, named('table cell', contains=day)):
                name = clean(cell.name)
                box = cell.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
                if forbidden not in name and \
                   box.y > 0 and box.y + box.height < screen.height and box.width > 0:
                    return cell
            dump(client.frame)
            raise AssertionError('no free time on ' + day)
        slot = drag(row, free_slot)
        slot_name = clean(slot.name)
        schedule = wait(client.app, lambda a: a.getRoleName() in ('dialog', 'frame', 'alert') and
                        find(a, named('push button', 'Schedule Hearing')) is not None,
                        'the scheduling form, filled in')
        screenshot('e2e-hearing-schedule')
        apply = wait(schedule, named('push button', 'Schedule Hearing'), 'Schedule Hearing')
        end = time.time() + 10
        while not apply.getState().contains(pyatspi.STATE_SENSITIVE) and time.time() < end:
            time.sleep(0.2)
        assert apply.getState().contains(pyatspi.STATE_SENSITIVE), 'the rules refuse ' + slot_name
        press(apply)
        client.wait_synced()
        hearing = wait_hearing(hearing_id, lambda h: h['state'] == 'scheduled', 'the schedule')
        assert hearing['starts_at'].startswith(day), hearing['starts_at']

        # Scheduled, on the grid where it was put: its page from there
        press(wait(client.app, named('push button', prefix=hearing_name), 'the hearing scheduled'))
        hearing_step(client, 'Send Notice', 'Send Notice')
        client.wait_synced()
        hearing = wait_hearing(hearing_id, lambda h: h['state'] == 'notified' and h['documents'] and
                               all(d.get('number') for d in h['documents']), 'the notices')
        notice = hearing['documents'][0]
        addressee = next(p['name'] for p in hearing['participants'] if p['id'] == notice['subject'])
        title = fmt(tr('%s to %s'), tr('Hearing Notice'), addressee)
        press(wait(client.app, named('push button', tr('Open %s') % title), 'the notice'))
        viewer = wait(client.app, lambda a: a.getRoleName() == 'frame' and
                      find(a, named('push button', '_Print…')) is not None, 'the notice')
        button = wait(viewer, named('push button', '_Print…'), 'Print…')
        end = time.time() + TIMEOUT
        while not button.getState().contains(pyatspi.STATE_SENSITIVE) and time.time() < end:
            time.sleep(0.2)
        text = print_to_file(client, button, notice['number'])
        assert '行政许可听证通知书' in text and notice['number'] in text, text
        widget_action(viewer, 'window.close')
    finally:
        client.close()

    # The day of the hearing: opened, the record written and signed, closed
    before = civicdesk_e2e.env.get('CIVICDESK_NOW')
    civicdesk_e2e.env['CIVICDESK_NOW'] = day + 'T09:05:00+08:00'
    try:
        client = Client('officer')
        try:
            client.show_queue('Hearings')
            press(wait(client.app, named('push button', prefix=hearing_name), 'the hearing today'))
            hearing_step(client, 'Open Hearing')
            client.wait_synced()
            record = wait(client.app, named('text', 'Record of the hearing'), 'the record editor')
            type_into(record, '审查人员出示了审查意见；%s陈述了意见；申请人进行了申辩。' % party)
            press(wait(client.app, named('push button', '_Save Record'), 'Save Record'))
            client.wait_synced()
            hearing = wait_hearing(hearing_id, lambda h: h.get('record_summary'), 'the record')
            # Each signs in turn: the first not signed yet is the one offered first
            for _ in hearing['participants']:
                hearing_step(client, 'Record Signature', 'Record Signature',
                             lambda dialog: client.choose_first(dialog, '_Participant'))
                client.wait_synced()
            hearing = wait_hearing(hearing_id, lambda h: all(p.get('signed_on') for p in
                                                             h['participants']), 'every signature')
            hearing_step(client, 'Close Record')
            client.wait_synced()
            hearing = wait_hearing(hearing_id, lambda h: h['state'] == 'record-signed',
                                   'the record signed')
            record_number = hearing['documents'][-1]['number']
            wait(client.app, named('label', record_number), 'the record, numbered')
            screenshot('e2e-hearing-record')
        finally:
            client.close()

        client = Client('examiner')
        try:
            heard = service_case(case['id'])
            assert heard['state'] == 'under-review', heard['state']
            client.show_queue('All Cases')
            client.search(case['number'])
            client.open_case(case['number'])

            def opinion(dialog):
                type_into(wait(dialog, named('text', '_Opinion'), 'the opinion field'),
                          '经听证，申请符合法定条件，建议准予许可')
            client.take_action('Record Opinion', 'Record Opinion', opinion)
            client.wait_synced()
        finally:
            client.close()

        client = Client('approver')
        try:
            client.show_queue('Department Queue')
            client.search(case['number'])
            client.open_case(case['number'])
            wait(client.app, named('label', contains=record_number), 'the record on the case page')
            client.take_action('Decide', 'Decide',
                               lambda dialog: client.choose(dialog, '_Decision', 'Approve'))
            wait(client.app, named('label', 'Approved'), 'the state Approved')
            client.wait_synced()
            decided = service_case(case['id'])
            assert decided['state'] == 'approved', decided['state']
            assert decided['decision']['hearing_record'] == record_number, decided['decision']
        finally:
            client.close()
    finally:
        if before is None:
            civicdesk_e2e.env.pop('CIVICDESK_NOW', None)
        else:
            civicdesk_e2e.env['CIVICDESK_NOW'] = before


def public_get(path):
    """What anyone on the internet reads at @path of the demo service."""
    with urllib.request.urlopen('http://127.0.0.1:%d%s' % (demo_port(), path), timeout=20) as answer:
        return answer.read().decode()


def wait_disclosure(title, predicate, what, user='editor'):
    end = time.time() + TIMEOUT
    found = None
    while time.time() < end:
        found = next((d for d in all_of('disclosure', user).values() if d['title'] == title), None)
        if found is not None and predicate(found):
            return found
        time.sleep(0.25)
    raise AssertionError('the service never had %s: %s' % (what, json.dumps(found, ensure_ascii=False)))


def review_step(client, title, action, response):
    """The reviewer's or the head's step on the disclosure @title, from
    the To Review list."""
    press(wait(client.app, named('push button', 'To _Review'), 'To Review'))
    # Found as an official finds it among many: by a word of its title
    type_into(wait(client.app, named('entry', 'Search titles'), 'the search'), title[-8:-1])
    click(wait(client.app, named('list item', prefix=title), 'the row of ' + title))
    wait(client.app, named('text', 'Text of the disclosure'), 'the editor')
    press(wait(client.app, named('push button', tr(action) + '…'), action))
    dialog = wait(client.app, lambda a: a.getRoleName() in ('dialog', 'frame', 'alert')
                  and clean(a.name) != tr('Civic Desk')
                  and find(a, named('push button', response)) is not None,
                  'the dialog of ' + action)
    apply = wait(dialog, named('push button', response), 'the button ' + response)
    end = time.time() + 10
    while not apply.getState().contains(pyatspi.STATE_SENSITIVE) and time.time() < end:
        time.sleep(0.2)
    assert apply.getState().contains(pyatspi.STATE_SENSITIVE), 'the rules refuse ' + action
    press(apply)
    client.wait_synced()


def test_disclosure_from_draft_to_public():
    """Proactive disclosure from end to end (OGI Arts. 19–26): the editor
    writes a draft with a resident ID number in it, the privacy check
    finds it as it is typed and Redact masks it; the draft goes through
    the organ's two levels of review (the reviewer, then the head, who
    publishes it); the public column then has it, without the number."""
    stamp = time.strftime('%H%M%S')
    title = '市场主体登记许可办理情况（%s）' % stamp
    number = '430104196804220016'
    body = ('## 办理情况\n\n本季度共办理市场主体登记许可1,203件。\n\n'
            '申请人张某某，身份证号%s，已补正材料。\n' % number)

    client = Client('editor')
    try:
        press(wait(client.app, named('push button', '_New Disclosure'), 'New Disclosure'))
        def new_form(a):
            return a.getRoleName() in ('dialog', 'frame', 'alert') and \
                clean(a.name) != tr('Civic Desk') and \
                find(a, named('push button', 'New Disclosure')) is not None and \
                find(a, named('push button', '_Cancel')) is not None
        dialog = wait(client.app, new_form, 'the form of a new disclosure')
        type_into(wait(dialog, named('text', '_Title'), 'the title'), title)
        client.choose(dialog, '_Category', 'Administrative licensing')
        time.sleep(0.8)
        if find(client.app, new_form) is not None:
            apply = wait(dialog, named('push button', 'New Disclosure'), 'the button New Disclosure')
            end = time.time() + 10
            while not apply.getState().contains(pyatspi.STATE_SENSITIVE) and time.time() < end:
                time.sleep(0.2)
            assert apply.getState().contains(pyatspi.STATE_SENSITIVE), \
                'the rules refuse the draft: ' + ' / '.join(
                    clean(a.name) for a in find_all(dialog, lambda a: a.getRoleName() == 'label'))
            press(apply)
        wait_gone(client.app, new_form, 'the form of a new disclosure')

        text = wait(client.app, named('text', 'Text of the disclosure'), 'the editor')
        type_into(text, body)
        finding = wait(client.app, named('list item', prefix=tr('Resident ID number')),
                       'the finding of the ID number')
        where = tr('%s · line %u').replace('%s', tr('Blocks publishing')).replace('%u', '5')
        assert where in finding.name, finding.name
        press(wait(client.app, named('push button', 'Redact'), 'Redact'))
        wait(client.app, named('label', 'No personal data found'), 'no finding left')
        typed = text.queryText().getText(0, -1)
        assert number not in typed and '办理情况' in typed, typed
        press(wait(client.app, named('push button', 'Save'), 'Save'))
        client.wait_synced()
        saved = wait_disclosure(title, lambda d: d['head_version'] >= 1, 'the saved draft')
        assert number not in saved['body'], saved['body']
        assert saved['versions'][-1].get('redacted'), saved['versions']

        client.take_action('Submit for Review', 'Submit for Review')
        client.wait_synced()
        wait_disclosure(title, lambda d: d['state'] == 'in-review', 'the draft in review')
    finally:
        client.close()

    # Two levels at the demo organ: the reviewer, then the head
    client = Client('reviewer')
    try:
        review_step(client, title, 'Review', 'Review')
        wait_disclosure(title, lambda d: d['review_level'] >= 1, 'the first review')
    finally:
        client.close()
    client = Client('head')
    try:
        review_step(client, title, 'Review', 'Review')
        wait_disclosure(title, lambda d: d['state'] == 'approved', 'the approval')
        client.take_action('Publish Now', 'Publish Now')
        client.wait_synced()
        published = wait_disclosure(title, lambda d: d['state'] == 'published', 'the publication')

        # The public column, while the demo service runs with the client
        listed = json.loads(public_get('/public/v1/disclosures?organ=scjg&q=' +
                                       urllib.parse.quote(stamp)))
        ids = [item['id'] for item in listed['items']]
        assert published['id'] in ids, listed
        page = public_get('/public/disclosures/' + published['id'])
        assert title in page and '1,203' in page, page[:2000]
        assert number not in page, 'the public page shows the ID number'
    finally:
        client.close()


def open311_key():
    """An Open311 API key, issued as an administrator issues one."""
    out = subprocess.run([SERVER, 'open311', 'key', 'add', 'e2e', '--data-dir', demo_dir],
                         env=civicdesk_e2e.env, capture_output=True, text=True, check=True).stdout
    return max(out.split(), key=len)


def wait_message(receipt, predicate, what, user='handler'):
    end = time.time() + TIMEOUT
    found = None
    while time.time() < end:
        found = next((m for m in all_of('message', user).values()
                      if m.get('receipt') == receipt), None)
        if found is not None and predicate(found):
            return found
        time.sleep(0.25)
    raise AssertionError('the service never had %s: %s' % (what, json.dumps(found, ensure_ascii=False)))


def open_message(client, receipt, queue=None):
    """The message @receipt from the section's search, as a handler finds
    one a citizen quotes on the phone; in @queue, when not the first."""
    client.menu('_Sync Now')
    client.wait_synced()
    if queue is not None:
        # The queues beside the section's own search: another section
        # has a queue of the same name
        bar = wait(client.app, named('entry', 'Search receipts, subjects and texts'),
                   'the search').parent
        press(wait(bar, named('push button', queue), queue))
    type_into(wait(client.app, named('entry', 'Search receipts, subjects and texts'), 'the search'),
              receipt)
    click(wait(client.app, named('list item', contains=receipt), 'the row of ' + receipt))
    return wait(client.app, named('label', prefix=receipt), 'the page of ' + receipt)


def test_complaint_from_open311_to_return_visit():
    """A complaint from end to end (互动交流, 好差评): it comes in through
    Open311 with a client's API key; the department's handler signs for
    it and transfers it, the other department hands it back; the handler
    signs for it again and answers from a template, its blanks written;
    the department's reviewer approves the reply (at their desk, through
    the API); the citizen rates it badly; the handler visits the citizen
    and records the rectification. One client, as one official's day."""
    client = Client('handler')
    try:
        api_key = open311_key()
        stamp = time.strftime('%H%M%S')
        form = urllib.parse.urlencode({
            'api_key': api_key, 'service_code': 'scjg-food-safety',
            'description': '岳麓区某巷口的餐馆没有营业执照，油烟扰民（%s）。' % stamp,
            'first_name': '小明', 'last_name': '李', 'phone': '13812345678',
            'attribute[place_type]': 'restaurant', 'address_string': '岳麓区麓山路12号',
        }).encode()
        with urllib.request.urlopen('http://127.0.0.1:%d/open311/v2/requests.json' % demo_port(),
                                    data=form, timeout=20) as answer:
            receipt = json.loads(answer.read())[0]['service_request_id']

        # Signed for, and handed to the department it seemed to be about
        open_message(client, receipt)
        press(wait(client.app, named('push button', 'Sign For'), 'Sign For'))
        client.wait_synced()
        wait_message(receipt, lambda m: m['state'] == 'signed-for', 'the signing for')

        def transfer(dialog):
            client.choose(dialog, 'To the _Department', '湖南省自然资源厅')
            time.sleep(0.5)
        client.take_action('Transfer', 'Transfer', transfer)
        client.wait_synced()
        message = wait_message(receipt, lambda m: m['department_id'] == 'zrzyt', 'the transfer',
                               'dispatcher')

        # The other department finds it is not theirs, and hands it back
        request('POST', '/api/v1/commands', sign_in('zrzyt.handler'), {'commands': [{
            'id': str(uuid.uuid4()), 'type': 'transfer-message', 'target': message['id'],
            'args': {'department_id': 'scjg', 'reason': 'not-our-remit',
                     'text': '经核实，无证经营餐馆属市场监管部门职责。'}}]})

        # Signed for again; answered from a template, its blanks written
        open_message(client, receipt)
        press(wait(client.app, named('push button', 'Sign For'), 'Sign For'))
        client.wait_synced()
        press(wait(client.app, named('push button', 'Reply to the Citizen'), 'Reply'))
        press(wait(client.app, named('push button', '_Templates'), 'Templates'))
        press(wait(client.app, named('menu item', '查实并处理'), 'the template'))
        reply = wait(client.app, named('text', 'Reply to the citizen'), 'the reply')
        text = reply.queryText().getText(0, -1)
        assert receipt in text and '【请填写' in text, text
        text = text.replace('【请填写核查情况】', '该餐馆确未取得食品经营许可证')
        text = text.replace('【请填写处理措施】', '责令其停业整改，并依法立案查处')
        type_into(reply, text)
        send = wait(client.app, named('push button', '_Send Reply'), 'Send Reply')
        end = time.time() + 10
        while not send.getState().contains(pyatspi.STATE_SENSITIVE) and time.time() < end:
            time.sleep(0.2)
        press(send)
        client.wait_synced()
        wait_message(receipt, lambda m: m['state'] == 'reply-in-review', 'the reply in review')

        # The department's reviewer approves it at their desk: it goes out
        request('POST', '/api/v1/commands', sign_in('reply-reviewer'), {'commands': [{
            'id': str(uuid.uuid4()), 'type': 'review-message-reply', 'target': message['id'],
            'args': {'decision': 'approve'}}]})
        wait_message(receipt, lambda m: m['state'] == 'replied', 'the reply sent')

        # The citizen reads it, and rates it badly, by name
        status = json.loads(public_get('/public/v1/messages/' + receipt))
        assert any('责令其停业整改' in r['text'] for r in status['replies']), status
        request('POST', '/public/v1/evaluations', None, {
            'receipt': receipt, 'rating': 1, 'comment': '处理太慢，店还开着。', 'name': '李小明',
            'phone': '13812345678'})

        # The handler visits the citizen, then records what was put right
        # On the way, the campaigns' board: every control named
        walk = Walk()
        press(wait(client.app, named('push button', 'Idea _Campaigns'), 'Idea Campaigns'))
        wait(client.app, named('push button', '_New Campaign…'), 'the board')
        walk.check('campaign board', client.app)
        walk.verdict()
        press(wait(client.app, named('push button', 'Back to the Messages'), 'Back'))
        client.show_queue(trc('section', 'Ratings'))
        press(wait(client.app, named('push button', '_To Rectify'), 'To Rectify'))
        client.menu('_Sync Now')
        client.wait_synced()
        click(wait(client.app, named('list item', contains=receipt), 'the rating of ' + receipt))

        def visit(dialog):
            client.choose(dialog, 'The Citizen Was', 'Satisfied')
            type_into(wait(dialog, named('text', '_Record of the Visit'), 'the record'),
                      '电话回访，已告知查处情况，市民表示满意。')
        client.take_action('Record Return Visit', 'Record Return Visit', visit)
        client.wait_synced()

        def rectify(dialog):
            type_into(wait(dialog, named('text', '_What Was Put Right'), 'the rectification'),
                      '已对该餐馆立案查处，并对承办人员加强时限管理。')
        client.take_action('Record Rectification', 'Record Rectification', rectify)
        client.wait_synced()
        end = time.time() + TIMEOUT
        rating = None
        while time.time() < end:
            rating = next((e for e in all_of('evaluation', 'handler').values()
                           if e['target_id'] == message['id']), None)
            if rating is not None and rating['state'] == 'rectified':
                break
            time.sleep(0.25)
        assert rating is not None and rating['state'] == 'rectified', rating
        assert len(rating['visits']) == 1, rating
    finally:
        client.close()


def test_accessibility_walk():
    """Every control of every screen an official works with has a name
    that says what it is: no empty name, no widget type's name, no
    mnemonic read twice."""
    walk = Walk()

    # Welcome, its sign-in form and the demo's choice of role
    process = subprocess.Popen([CLIENT], env=civicdesk_e2e.env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        app = find_app()
        wait(app, named('push button', '_Try the Demo'), 'the welcome page')
        walk.check('welcome', app)
        walk.popover('demo roles', app, wait(app, named('combo box', 'Demo _Official'),
                                             'the choice of role'))
        press(wait(app, named('push button', '_Connect to a Service…'), 'Connect'))
        wait(app, named('push button', '_Sign In'), 'the sign-in form')
        walk.check('sign-in', app)
    finally:
        process.terminate()
        process.wait()
        time.sleep(0.5)

    client = Client('examiner')
    try:
        app = client.app
        walk.check('inbox', app)
        walk.popover('main menu', app, client.main_menu_button())
        walk.popover('filters', app, wait(app, named('push button', 'Filter and Sort'),
                                          'the filters'))
        walk.popover('sync', app, wait(app, named('push button', prefix=tr('Synced %s').split('%s')[0]),
                                       'the sync state'))

        mine = [c for c in all_cases().values() if c['assignee_id'] == 'u-examiner'
                and c['state'] == 'under-review' and not c['opinions']]
        case = sorted(mine, key=lambda c: c['number'])[0]
        client.search(case['number'])
        client.open_case(case['number'])
        time.sleep(0.5)
        walk.check('case page', app)
        chip = tr('%s, due %s, show how it was counted').split('%s')[-1]
        walk.popover('time limit', app, wait(app, named('push button', contains=chip),
                                             'a due chip'))
        walk.popover('other actions', app, wait(app, named('push button', 'Other Actions'),
                                                'Other Actions'))
        walk.dialog('opinion', app, 'Record Opinion')
        walk.dialog('comment', app, 'Comment')
        walk.window('preferences', client, '_Preferences', 'Preferences')
        walk.window('shortcuts', client, '_Keyboard Shortcuts', 'Keyboard Shortcuts')
    finally:
        client.close()

    client = Client('approver')
    try:
        open_decidable_case(client)
        walk.check('approver case page', client.app)

        def deny(dialog):
            client.choose(dialog, '_Decision', 'Deny')
            time.sleep(0.5)
        walk.dialog('decision', client.app, 'Decide', deny)
    finally:
        client.close()

    # The organ's disclosure editor: the section, a draft in its editor,
    # the requests and the form a request is registered with
    client = Client('editor')
    try:
        app = client.app
        walk.check('disclosures', app)
        walk.dialog('new disclosure', app, '_New Disclosure')
        drafts = sorted(d['title'] for d in all_of('disclosure', 'editor').values()
                        if d['state'] == 'draft' and d['department_id'] == 'scjg')
        type_into(wait(app, named('entry', 'Search titles'), 'the search'), drafts[0][:12])
        click(wait(app, named('list item', prefix=drafts[0]), 'the row of ' + drafts[0]))
        wait(app, named('text', 'Text of the disclosure'), 'the editor')
        time.sleep(0.5)
        walk.check('disclosure editor', app)
        press(wait(app, named('push button', 'Back to the Disclosures'), 'Back'))
        press(wait(app, named('push button', 'Requests'), 'Requests'))
        wait(app, named('push button', '_Register Request'), 'the requests')
        walk.check('requests', app)
        walk.dialog('register request', app, '_Register Request')
    finally:
        client.close()

    # The department's catalogue editor: the section, the form of a new
    # item, a draft's page and its editor
    client = Client('catalogue-editor')
    try:
        app = client.app
        walk.check('catalogue', app)
        walk.dialog('new item', app, '_New Item')
        click(wait(app, named('label', '工业产品生产许可证核发'), 'the draft in progress'))
        wait(app, named('push button', '_Edit Draft…'), 'the item page')
        walk.check('item page', app)
        press(wait(app, named('push button', '_Edit Draft…'), 'Edit Draft'))
        editor = wait(app, lambda a: a.getRoleName() in ('frame', 'dialog') and
                      find(a, named('push button', '_Add a Material')) is not None, 'the editor')
        time.sleep(0.5)
        walk.check('item editor', editor)
        press(wait(editor, named('push button', '_Cancel'), 'Cancel'))
    finally:
        client.close()

    # The hall's administrator: the accounts, the form of a new one with
    # its temporary password, and an account's page
    client = Client('admin')
    try:
        app = client.app
        walk.check('accounts', app)
        walk.dialog('add account', app, '_Add Account')
        type_into(wait(app, named('entry', 'Find an account'), 'the search'), 'dept-admin')
        row = tr('%s (%s)').split('%s')[1] + 'dept-admin'
        click(wait(app, named('label', contains=row), 'the row of dept-admin'))
        wait(app, named('push button', 'Reset Password'), 'the account page')
        walk.check('account page', app)

        # The rooms hearings are held in: the list, the form of a new one,
        # a room's page with its closure's form
        client.show_queue(trc('section', 'Rooms'))
        wait(app, named('push button', '_Add Room'), 'the Rooms section')
        walk.check('rooms', app)
        walk.dialog('add room', app, '_Add Room')
        type_into(wait(app, named('entry', 'Find a room'), 'the search'), '听证大厅')
        click(wait(app, named('label', '省政务服务中心听证大厅'), 'the row of the hall'))
        wait(app, named('push button', 'Close Room'), 'the room page')
        walk.check('room page', app)
        walk.dialog('close room', app, 'Close Room')

        # The holiday notices: the list, the form of next year's, a year's page
        client.show_queue(trc('section', 'Calendars'))
        wait(app, named('push button', '_Import Notice…'), 'the Calendars section')
        walk.check('calendars', app)
        walk.dialog('import notice', app, '_Import Notice…')
        click(wait(app, named('label', '国务院办公厅关于2026年部分节假日安排的通知'),
                   'the row of 2026'))
        wait(app, named('push button', 'Import Notice'), 'the notice page')
        walk.check('notice page', app)

        # The templates of formal documents: the list, a template's page
        # with the form that edits it
        client.show_queue(trc('section', 'Templates'))
        wait(app, named('entry', 'Find a template'), 'the Templates section')
        walk.check('templates', app)
        click(wait(app, named('label', tr('%s (%s)') % (tr('Acceptance Notice'), 'zh')),
                   'the row of the acceptance notice'))
        wait(app, named('push button', 'Edit Template'), 'the template page')
        walk.check('template page', app)
        walk.dialog('edit template', app, 'Edit Template')

        # The Open311 clients' keys: the list and the form of a new one
        client.show_queue(trc('section', 'API Keys'))
        wait(app, named('push button', '_Add Key'), 'the API Keys section')
        walk.check('keys', app)
        walk.dialog('add key', app, '_Add Key')
    finally:
        client.close()

    # The hall's supervisor: the overview with its charts, a department's
    # red and yellow records, and the form of a card
    client = Client('supervisor')
    try:
        app = client.app
        wait(app, named('label', prefix=tr('As of %s: %s').split('%s')[0]), 'the figures')
        walk.check('supervision', app)
        departments = wait(app, named('list', 'Red and yellow, by department'), 'the departments')
        click(wait(departments, named('list item', prefix='湖南省市场监督管理局'), 'the department'))
        wait(app, named('list', 'Records'), 'its records')
        walk.check('supervision list', app)
        walk.dialog('issue card', app, '_Issue Card…')
    finally:
        client.close()
    walk.verdict()


def apply_for(code):
    """An application for @code made on the public side, with every
    material the guide in effect asks for: its case's number."""
    guide = json.loads(public_get('/public/v1/items/' + code))
    materials = [m['id'] for m in guide['guide'].get('materials', [])]
    answer = request('POST', '/public/v1/applications', body={
        'item_code': code, 'materials': materials,
        'applicant': {'kind': 'organisation', 'name': '湘江食品有限公司',
                      'id_number': '91430100MA4L16JQ9D', 'contact': '王工',
                      'phone': '13812345678'}})
    return answer['number']


def case_numbered(number):
    end = time.time() + TIMEOUT
    while time.time() < end:
        for case in all_cases().values():
            if case.get('number') == number:
                return case
        time.sleep(0.25)
    raise AssertionError('the service has no case ' + number)


def wait_item(code, predicate, what, user='catalogue-editor'):
    end = time.time() + TIMEOUT
    item = None
    while time.time() < end:
        item = request('GET', '/api/v1/items/' + code, sign_in(user))['data']
        if predicate(item):
            return item
        time.sleep(0.25)
    raise AssertionError('the service never had %s: %s' % (what, json.dumps(item, ensure_ascii=False)))


def item_action(client, label, fill=None):
    """Takes @label on the item page: its button, then the same button of
    its form, which is a dialog of its own."""
    press(wait(client.frame, named('push button', label), label))
    dialog = wait(client.app, lambda a: a.getRoleName() in ('dialog', 'alert') and
                  find(a, named('push button', label)) is not None, 'the form of ' + label)
    if fill:
        fill(dialog)
    button = wait(dialog, named('push button', label), 'the button ' + label)
    end = time.time() + 10
    while not button.getState().contains(pyatspi.STATE_SENSITIVE) and time.time() < end:
        time.sleep(0.2)
    press(button)


def test_catalogue_change_takes_effect():
    """A change of the catalogue takes effect on its day, and a case keeps
    the law it was filed under: the catalogue editor adds a required
    material to an item, a reviewer approves it with effect tomorrow; a
    case filed today does not ask for it, one filed tomorrow does, and so
    does the public guide."""
    code = '430000-SCJG-XK-0004'
    name = '食品经营许可证延续'
    material = '食品安全自查报告'

    def says(text):
        return lambda a: text in clean(a.name) and a.getState().contains(pyatspi.STATE_VISIBLE)

    client = Client('catalogue-editor')
    try:
        type_into(wait(client.app, named('entry', 'Find an item by name or code'), 'the search'),
                  code)
        click(wait(client.app, named('label', name), 'the item ' + name))
        press(wait(client.app, named('push button', 'Revise'), 'Revise'))
        client.wait_synced()
        press(wait(client.app, named('push button', '_Edit Draft…'), 'Edit Draft'))
        editor = wait(client.app, lambda a: a.getRoleName() in ('frame', 'dialog') and
                      find(a, named('push button', '_Add a Material')) is not None, 'the editor')
        press(wait(editor, named('push button', '_Add a Material'), 'Add a Material'))
        time.sleep(0.5)
        names = find_all(editor, named('text', '_Name'))
        assert len(names) >= 2, 'no name for the new material'
        type_into(names[-1], material)
        screenshot('e2e-item-editor')
        press(wait(editor, named('push button', '_Save'), 'Save'))
        wait(client.app, says(material), 'the change on the item page')
        item_action(client, 'Submit for Review')
        client.wait_synced()
        wait_item(code, lambda i: i.get('pending') and i['pending']['state'] == 'in-review',
                  'the version in review')
    finally:
        client.close()

    client = Client('catalogue-reviewer')
    try:
        click(wait(client.app, named('label', name), 'the item in progress'))
        wait(client.app, says(material), 'the change to review')

        def tomorrow(dialog):
            type_into(wait(dialog, named('text', 'Takes _Effect On'), 'the day'), '2026-03-21')
        item_action(client, 'Review', tomorrow)
        client.wait_synced()
        item = wait_item(code, lambda i: i.get('pending') and i['pending']['state'] == 'scheduled',
                         'the version approved')
        assert item['pending']['effective_on'] == '2026-03-21', item['pending']
        screenshot('e2e-item-approved')

        # Filed today: the material is not asked for
        today = case_numbered(apply_for(code))
        assert material not in [m['name'] for m in today['materials']], today['materials']
        assert today['item']['version'] == 1, today['item']
    finally:
        client.close()

    # Tomorrow: the clerk's checklist has it, and the public guide
    before = civicdesk_e2e.env.get('CIVICDESK_NOW')
    stop_service()
    civicdesk_e2e.env['CIVICDESK_NOW'] = '2026-03-21T09:00:00+08:00'
    try:
        client = Client('clerk')
        try:
            number = apply_for(code)
            tomorrow_case = case_numbered(number)
            assert material in [m['name'] for m in tomorrow_case['materials']], \
                tomorrow_case['materials']
            assert tomorrow_case['item']['version'] == 2, tomorrow_case['item']
            widget_action(client.frame, 'win.sync-now')
            client.wait_synced()
            client.show_queue('Department Queue')
            client.search(number)
            client.open_case(number)
            wait(client.app, says(material), 'the new material on the checklist')
            screenshot('e2e-case-new-material')
            assert material in public_get('/public/v1/items/' + code)
        finally:
            client.close()
    finally:
        stop_service()
        if before is None:
            civicdesk_e2e.env.pop('CIVICDESK_NOW', None)
        else:
            civicdesk_e2e.env['CIVICDESK_NOW'] = before


def test_act_for():
    """委托: an administrator lets the hearing officer act for the examiner
    this week. The officer's main menu offers it; acting, a bar above the
    sections says for whom and until when, the examiner's work is theirs
    to take — a claim the service records as the examiner's, the sender
    kept — and Stop makes them themselves again."""
    client = Client('officer')
    try:
        examiner = request('GET', '/api/v1/me', sign_in('examiner'))
        officer = request('GET', '/api/v1/me', sign_in('officer'))
        answer = request('POST', '/api/v1/commands', sign_in('admin'), {'commands': [{
            'id': str(uuid.uuid4()), 'type': 'add-delegation', 'target': examiner['id'],
            'args': {'delegate_id': officer['id'], 'roles': ['examiner'],
                     'starts_on': '2026-03-20', 'ends_on': '2026-03-27', 'reason': '外出培训'}}]})
        assert answer['results'][0]['status'] == 'applied', answer

        widget_action(client.frame, 'win.sync-now')
        client.wait_synced()
        client.menu(fmt(tr('Act for %s'), examiner['name']))
        bar = fmt(tr('Acting for %s until %s'), examiner['name'], '2026-03-27')
        wait(client.app, named('label', bar), 'the bar that says for whom')
        screenshot('e2e-acting-for')

        case = pick(all_cases(), lambda c: scjg(c) and c['state'] == 'under-review' and
                    c['queue'] == 'examiner' and c['assignee_id'] is None)
        client.show_queue('Department Queue')
        client.search(case['number'])
        client.open_case(case['number'])
        press(wait(client.app, named('push button', 'Claim'), 'the Claim button, the examiner\'s'))
        client.wait_synced()
        end = time.time() + TIMEOUT
        while service_case(case['id'])['assignee_id'] != examiner['id'] and time.time() < end:
            time.sleep(0.25)
        assert service_case(case['id'])['assignee_id'] == examiner['id'], 'the claim was not the examiner\'s'

        screenshot('e2e-acting-claimed')
        press(wait(client.app, named('push button', '_Stop'), 'Stop'))
        wait_gone(client.app, named('label', bar), 'the bar')
        screenshot('e2e-acting-stopped')
        separator = tr('%s · %s').split('%s')[1]
        wait(client.app, named('label', officer['name'] + separator + tr('Hearing officer')),
             'the officer as themselves')
        # The open case offers the examiner's steps no more
        wait_gone(client.app, named('push button', prefix='Record Opinion'), 'Record Opinion')
    finally:
        client.close()


TESTS = [
    ('/e2e/demo-inbox-search-open', test_demo_inbox_search_open),
    ('/e2e/accept-then-decide', test_accept_then_decide),
    ('/e2e/offline-then-synced', test_offline_then_synced),
    ('/e2e/offline-chain', test_offline_chain),
    ('/e2e/undo-offline', test_undo_offline),
    ('/e2e/conflict-lands-in-conflicts', test_conflict_lands_in_conflicts),
    ('/e2e/switch-role-with-unsent-work', test_switch_role_with_unsent_work),
    ('/e2e/supervisor-reads-a-case', test_supervisor_reads_a_case),
    ('/e2e/red-card', test_red_card),
    ('/e2e/correction-notice-printed', test_correction_notice_printed),
    ('/e2e/hearing-from-request-to-decision', test_hearing_from_request_to_decision),
    ('/e2e/disclosure-from-draft-to-public', test_disclosure_from_draft_to_public),
    ('/e2e/complaint-from-open311-to-return-visit', test_complaint_from_open311_to_return_visit),
    ('/e2e/catalogue-change-takes-effect', test_catalogue_change_takes_effect),
    ('/e2e/act-for', test_act_for),
    ('/e2e/accessibility-walk', test_accessibility_walk),
]


def selected_tests():
    only = os.environ.get('CIVICDESK_E2E_ONLY')
    return [t for t in TESTS if not only or only in t[0]]


# A scenario longer than this is stuck (a wait on a window that no longer
# answers): it fails, and the run goes on with the next, instead of the
# whole run being killed by meson at its own limit.
SCENARIO_LIMIT = 900


class ScenarioStuck(BaseException):
    """Not an Exception: no helper's "except Exception" swallows it."""


def stuck(signum, frame):
    # Where the clients were, for whoever reads the log
    try:
        for pid in subprocess.run(['pgrep', '-x', 'civicdesk'], capture_output=True,
                                  text=True).stdout.split():
            trace = subprocess.run(['gdb', '-p', pid, '-batch', '-ex', 'thread apply all bt 12'],
                                   capture_output=True, text=True, timeout=120).stdout
            for line in trace.splitlines():
                if line.startswith(('#', 'Thread')):
                    print('# civicdesk %s: %s' % (pid, line), flush=True)
    except (OSError, subprocess.SubprocessError) as e:
        print('# no backtrace: %s' % e, flush=True)
    raise ScenarioStuck('the scenario took more than %d s' % SCENARIO_LIMIT)


def main():
    tests = selected_tests()
    signal.signal(signal.SIGALRM, stuck)
    print('1..%d' % len(tests), flush=True)
    # The accessibility bus and its registry start on first use: before
    # the first client, or that client registers with nobody listening.
    pyatspi.Registry.getDesktop(0).childCount
    time.sleep(1)
    failed = 0
    for n, (name, test) in enumerate(tests, 1):
        started = time.monotonic()
        signal.alarm(SCENARIO_LIMIT)
        try:
            test()
            print('# %s took %.0f s' % (name, time.monotonic() - started), flush=True)
            print('ok %d %s' % (n, name), flush=True)
        except (Exception, ScenarioStuck):
            failed += 1
            for line in traceback.format_exc().splitlines():
                print('# ' + line, flush=True)
            print('not ok %d %s' % (n, name), flush=True)
        finally:
            signal.alarm(0)
    # The last client stopped the demo service it started.
    for pid in serve_pids():
        os.kill(pid, signal.SIGTERM)
    if not os.environ.get('CIVICDESK_E2E_KEEP'):
        shutil.rmtree(home, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
