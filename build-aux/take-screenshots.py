#!/usr/bin/python3
# take-screenshots.py — the screenshots under docs/screenshots/
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real client in demo mode through AT-SPI, with the helpers of
# the end-to-end tests, and saves each screen an official works with:
# welcome, sign-in and its refusal, inbox, case page, personal data
# revealed, an action's dialog, offline work, conflicts, the dark style
# and a narrow window.
# The metainfo points at the English ones. Run through the wrapper, which
# sets up the display, D-Bus and both languages:
#
#   build-aux/take-screenshots.sh [BUILDDIR]

import os
import subprocess
import sys
import time
import urllib.error
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'e2e'))
from civicdesk_e2e import *  # noqa: E402,F401,F403
import civicdesk_e2e  # noqa: E402

OUT = os.environ['CIVICDESK_SCREENSHOTS_DIR']
SUFFIX = 'en' if LANGUAGE.startswith('en') else LANGUAGE.split('.')[0]


def shoot(name, title=None):
    """The window of @title (the main window) cut out of the screen."""
    # The pointer out of the way: no tooltip or hover in the picture.
    pyatspi.Registry.generateMouseEvent(1279, 799, 'abs')
    time.sleep(1.5)  # animations, tooltips and lazy rows settle
    path = os.path.join(OUT, '%s-%s.png' % (name, SUFFIX))
    geometry = window_geometry(title or tr('Civic Desk'))
    command = ['import', '-window', 'root']
    if geometry:
        command += ['-crop', geometry, '+repage']
    subprocess.run(command + [path], check=True)
    print('saved', path, flush=True)


def welcome():
    process = subprocess.Popen([CLIENT], env=civicdesk_e2e.env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        app = find_app()
        wait(app, named('push button', '_Try the Demo'), 'the welcome page')
        shoot('welcome')
        press(wait(app, named('push button', '_Connect to a Service…'), 'Connect'))
        wait(app, named('push button', '_Sign In'), 'the sign-in form')
        shoot('connect')
    finally:
        process.terminate()
        process.wait()
        time.sleep(0.5)


def examiner():
    client = Client('examiner')
    try:
        shoot('inbox')
        case = first_case_of_mine()
        client.search(case['number'])
        client.open_case(case['number'])
        shoot('case')

        stop_service()
        widget_action(client.frame, 'win.sync-now')
        wait(client.app, named('push button', prefix='Offline'), 'the sync state Offline')
        shoot('offline')
    finally:
        client.close()


def unsent():
    """An action kept on this computer, with Undo on its toast; then the
    question before switching role with it unsent."""
    client = Client('examiner')
    try:
        claim_offline(client)
        wait_toast(client, named('push button', '_Undo'), 'the Undo of the toast')
        shoot('undo-toast')
        client.menu('Demo: Approver')
        heading = trn('%u Action Not Sent', '%u Actions Not Sent', 1) % 1
        dialog = wait(client.app, lambda a: a.getRoleName() in ('dialog', 'frame', 'alert') and
                      find(a, named('label', heading)) is not None, 'the question')
        shoot('unsent-work', dialog.name or None)
        press(wait(dialog, named('push button', '_Cancel'), 'Cancel'))
    finally:
        client.close()


def filters():
    """A filter that is on, said in words under the search."""
    client = Client('examiner')
    try:
        client.show_queue('All Cases')
        press(wait(client.app, named('push button', 'Filter and Sort'), 'the filters'))
        # A popover's widgets are not where GTK 4.8 says: by the keyboard
        state = wait(client.app, named('push button', prefix=tr('%s: %s') % (tr('State'), '')),
                     'the choice of state')
        press(state)
        # The rows of the popup are named by their choice
        item = wait(wait(client.app, named('list', 'State'), 'the states'),
                    named('list item', 'Under review'), 'Under review')
        for _ in range(item.getIndexInParent()):
            key(0xff54)  # Down
        key(0xff0d)  # Return
        key(0xff1b)  # Escape
        wait(client.app, named('label', prefix=tr('Filtered by %s').split('%s')[0]),
             'the line of filters')
        shoot('filter-line')
    finally:
        client.close()


def reveal():
    """The applicant's and the hearing's people, revealed (an audited
    request; the offline copy has them masked)."""
    client = Client('examiner')
    try:
        case = pick(all_cases(), lambda c: scjg(c) and c['hearing']['parties'])
        client.show_queue('All Cases')
        client.search(case['number'])
        client.open_case(case['number'])
        press(wait(client.app, named('push button', '_Reveal…'), 'the button Reveal'))
        dialog = wait(client.app, lambda a: a.getRoleName() in ('dialog', 'frame') and
                      clean(a.name).startswith(tr('Applicant’s Details')), 'the details')
        shoot('reveal', dialog.name)
        press(wait(dialog, named('push button', '_Close'), 'Close'))
    finally:
        client.close()


def refused():
    """The sign-in form after too many wrong passwords for one name: the
    service makes the next attempt wait, and the form says so."""
    Client('examiner').close()  # the demo service made and running
    if not serve_pids():
        start_service(demo_port())
    # Ten wrong passwords, each after the wait the service asks for: the
    # next attempt must then wait 32 s, time enough to try in the client.
    failures = 0
    while failures < 10:
        try:
            request('POST', '/api/v1/session', body={'username': 'examiner',
                                                     'password': 'wrong password'})
        except urllib.error.HTTPError as refusal:
            if refusal.code == 429:
                time.sleep(int(refusal.headers.get('Retry-After', '1')))
            else:
                failures += 1
    process = subprocess.Popen([CLIENT], env=civicdesk_e2e.env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        app = find_app()
        press(wait(app, named('push button', '_Connect to a Service…'), 'Connect'))
        for title, text in (('Service _Address', 'http://127.0.0.1:%d' % demo_port()),
                            ('_User Name', 'examiner'), ('_Password', 'wrong password')):
            type_into(wait(app, named('text', title), 'the field ' + title), text)
        press(wait(app, named('push button', '_Sign In'), 'Sign In'))
        wait(app, named('label', prefix='Too many failed attempts from this computer. Wait before '
                            'trying again, or ask your administrator to set a new password.'),
             'the refusal')
        shoot('refused')
    finally:
        process.terminate()
        process.wait()
        time.sleep(0.5)


def approver():
    client = Client('approver')
    try:
        open_decidable_case(client)
        # One suggested step: the list beside the case stays at 1200 px
        time.sleep(1)
        shoot('case-approver')
        press(wait(client.app, named('push button', prefix='Decide'), 'the button Decide'))
        dialog = wait(client.app, lambda a: a.getRoleName() in ('dialog', 'frame')
                      and find(a, named('push button', 'Decide')) is not None, 'the dialog')
        # A refusal: the law's fields appear (legal basis, remedies, reasons).
        client.choose(dialog, '_Decision', 'Deny')
        time.sleep(1)
        shoot('dialog', dialog.name)
        press(wait(dialog, named('push button', '_Cancel'), 'Cancel'))
    finally:
        client.close()


def documents():
    """A clerk asks for the missing materials: the correction notice is
    offered as a draft; issued and numbered, it is listed on the case and
    opened to print."""
    client = Client('clerk')
    try:
        case = pick(all_cases(), needs_correction)
        client.show_queue('Department Queue')
        client.search(case['number'])
        client.open_case(case['number'])
        client.take_action('Request Correction', 'Request Correction')
        draft = offered_document(client.app)
        time.sleep(1)
        shoot('document-draft', draft.name)
        press(wait(draft, named('push button', '_Issue'), 'Issue'))
        client.wait_synced()
        wait(client.app, named('label', prefix='湘市监补〔2026〕'), 'the number on the case')
        time.sleep(1)
        shoot('case-documents')
        viewer = open_document(client.app, '补正材料通知书')
        time.sleep(1)
        shoot('document-issued', viewer.name)
    finally:
        client.close()


def conflict():
    client = Client('examiner')
    restarted = None
    try:
        _, _, restarted = claim_behind_a_colleague(client, 'screenshot-claim')
        # The refusal is told at once, with the way to it
        wait_toast(client, named('label', trn('The service refused %u action',
                                              'The service refused %u actions', 1) % 1),
                   'the toast of the refusal')
        shoot('refusal-toast')
        client.show_queue('Conflicts')
        wait(client.app, named('list', 'Conflicts'), 'the list of conflicts')
        shoot('conflicts')
    finally:
        client.close()
        if restarted is not None:
            restarted.terminate()
            restarted.wait()


def first_case_of_mine():
    mine = [c for c in all_cases().values()
            if c['assignee_id'] == 'u-examiner' and c['state'] == 'under-review'
            and len(c['events']) > 3]
    return sorted(mine, key=lambda c: c['number'])[0]


def dark():
    """The same screens in the dark style."""
    civicdesk_e2e.env['ADW_DEBUG_COLOR_SCHEME'] = 'prefer-dark'
    client = Client('examiner')
    try:
        shoot('inbox-dark')
        case = first_case_of_mine()
        client.search(case['number'])
        client.open_case(case['number'])
        shoot('case-dark')
    finally:
        client.close()
        del civicdesk_e2e.env['ADW_DEBUG_COLOR_SCHEME']


def narrow():
    """A narrow window: the sidebar, the list and the case fold into one
    column, each with its way back."""
    config = os.path.join(civicdesk_e2e.home, 'config')
    os.makedirs(os.path.join(config, 'glib-2.0', 'settings'), exist_ok=True)
    with open(os.path.join(config, 'glib-2.0', 'settings', 'keyfile'), 'w') as f:
        f.write('[io/github/civicdesk/CivicDesk]\nwindow-width=400\nwindow-height=760\n')
    saved = dict(civicdesk_e2e.env)
    civicdesk_e2e.env.update(GSETTINGS_BACKEND='keyfile', XDG_CONFIG_HOME=config)
    client = Client('examiner')
    try:
        shoot('sidebar-narrow')
        client.show_queue('My Tasks')
        shoot('inbox-narrow')
        case = first_case_of_mine()
        client.search(case['number'])
        client.open_case(case['number'])
        shoot('case-narrow')
    finally:
        client.close()
        civicdesk_e2e.env.clear()
        civicdesk_e2e.env.update(saved)


def ask_for_hearings(n):
    """@n parties of the demo department ask for a hearing this morning,
    recorded by their examiner: the queue has something to schedule."""
    token = sign_in('examiner')
    cases = [c for c in all_cases().values() if scjg(c) and c['state'] == 'under-review' and
             c['assignee_id'] == 'u-examiner' and
             not c['hearing'].get('informed_on')][:n]
    for case in cases:
        for kind, args in (('inform-hearing-right', {'parties': [case['applicant']['name']]}),
                           ('request-hearing', {'requested_by': case['applicant']['name']})):
            answer = request('POST', '/api/v1/commands', token,
                             {'commands': [{'id': str(uuid.uuid4()), 'type': kind,
                                            'target': case['id'], 'args': args}]})
            assert answer['results'][0]['status'] == 'applied', answer


def hearings():
    """The hearing officer's week, a day by rooms, the month, and a hearing."""
    client = Client('officer')
    try:
        ask_for_hearings(2)
        widget_action(client.frame, 'win.sync-now')
        client.wait_synced()
        client.show_queue('Hearings')
        wait(client.app, named('list', 'Hearings to schedule'), 'the queue of hearings')
        shoot('hearings-week')
        press(wait(client.app, named('push button', '_Day by Room'), 'Day by Room'))
        shoot('hearings-day')
        press(wait(client.app, named('push button', '_Month'), 'Month'))
        shoot('hearings-month')
        press(wait(client.app, named('push button', '_Week'), 'Week'))
        hearing = tr('Hearing on %s').split('%s')[0]
        press(wait(client.app, named('push button', prefix=hearing), 'a hearing of the week'))
        wait(client.app, named('label', 'Dates'), 'the hearing page')
        shoot('hearing-page')
    finally:
        client.close()


def main():
    os.makedirs(OUT, exist_ok=True)
    pyatspi.Registry.getDesktop(0).childCount
    time.sleep(1)
    # The refused sign-in last: it makes the examiner's next sign-in wait
    steps = (welcome, examiner, unsent, filters, reveal, approver, documents, hearings, conflict,
             dark, narrow, refused)
    only = sys.argv[1:]
    unknown = set(only) - {step.__name__ for step in steps}
    if unknown:
        sys.exit('no such screen: %s' % ', '.join(sorted(unknown)))
    try:
        for step in steps:
            if not only or step.__name__ in only:
                step()
    finally:
        shutil.rmtree(civicdesk_e2e.home, ignore_errors=True)


if __name__ == '__main__':
    main()
