# civicdesk_e2e.py — driving the real client through AT-SPI
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the end-to-end tests and the screenshot tool share: the client in
# demo mode, found on the accessibility bus, its widgets found by role and
# accessible name, clicked and typed into as a user does; and the demo
# service, asked directly what it holds.
#
# Names are given as the program's English msgids and looked up in its
# catalog for the language under test (CIVICDESK_E2E_LANG), so the same
# steps drive the window in English and in Chinese.

import gettext
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request

import pyatspi
from gi.repository import GLib

CLIENT = os.environ['CIVICDESK_CLIENT']
SERVER = os.environ['CIVICDESK_SERVER_BIN']
DEMO_PASSWORD = 'demo'
TIMEOUT = 60

home = tempfile.mkdtemp(prefix='civicdesk-e2e-')
LANGUAGE = os.environ.get('CIVICDESK_E2E_LANG', 'en_US.UTF-8')
demo_dir = os.path.join(home, 'civicdesk', 'demo-service')
env = dict(os.environ, XDG_DATA_HOME=home, LANG=LANGUAGE, LC_ALL=LANGUAGE,
           GDK_BACKEND='x11', GSK_RENDERER='cairo', NO_AT_BRIDGE='0',
           CIVICDESK_DEMO_CASES='600', CIVICDESK_DEMO_REQUESTS='40',
           CIVICDESK_DEMO_MESSAGES='600',
           GSETTINGS_BACKEND='memory')
env.pop('G_DEBUG', None)
# The user's folders: what a document printed to a file lands in
documents_dir = os.path.join(home, 'Documents')
os.makedirs(documents_dir)
os.makedirs(os.path.join(home, 'config'))
with open(os.path.join(home, 'config', 'user-dirs.dirs'), 'w') as f:
    f.write('XDG_DOCUMENTS_DIR="%s"\n' % documents_dir)
env['XDG_CONFIG_HOME'] = os.path.join(home, 'config')

_catalog = gettext.translation('civicdesk', os.environ.get('CIVICDESK_LOCALEDIR'),
                               languages=[LANGUAGE.split('.')[0]], fallback=True)


# The accessibility tree

def find_app(timeout=2 * TIMEOUT):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == 'civicdesk':
                return app
        time.sleep(0.1)
    raise AssertionError('the client did not show up on the accessibility bus')


def clean(name):
    """The name as the official reads it. GTK 4.8 names a button with a
    mnemonic from both its label and its child ("_Cancel Cancel")."""
    name = (name or '').replace('_', '')
    half = len(name) // 2
    if len(name) % 2 == 1 and name[half] == ' ' and name[:half] == name[half + 1:]:
        return name[:half]
    return name


def tr(msgid):
    """What the official reads for @msgid in the language under test."""
    return clean(_catalog.gettext(msgid))


def trc(context, msgid):
    """What the official reads for @msgid in @context (C_() in the program)."""
    return clean(_catalog.pgettext(context, msgid))


def fmt(template, *values):
    """@template filled as the program's printf fills it, numbered
    arguments ("致%2$s的%1$s") too."""
    if '$' not in template:
        return template % values
    return re.sub(r'%(\d+)\$s', lambda m: str(values[int(m.group(1)) - 1]), template)


def trn(singular, plural, n):
    return clean(_catalog.ngettext(singular, plural, n))


_gtk_catalog = gettext.translation('gtk40', languages=[LANGUAGE.split('.')[0]], fallback=True)


def tr_gtk(msgid):
    """What GTK's own dialogs (printing) say for @msgid."""
    return clean(_gtk_catalog.gettext(msgid))


def named(role, name=None, prefix=None, contains=None):
    """Matches a visible widget of @role whose accessible name is @name,
    starts with @prefix or contains @contains — each a msgid, translated
    (text that is no msgid, like a case number, stays as it is)."""
    name, prefix, contains = (tr(t) if t is not None else None
                              for t in (name, prefix, contains))

    def predicate(acc):
        try:
            if acc.getRoleName() != role:
                return False
            text = clean(acc.name)
            if name is not None and text != name:
                return False
            if prefix is not None and not text.startswith(prefix):
                return False
            if contains is not None and contains not in text:
                return False
            # GTK 4.8 tells visible, not mapped: hidden stack pages count too.
            return acc.getState().contains(pyatspi.STATE_VISIBLE)
        except Exception:
            return False
    return predicate


def _settled(search):
    """@search, again while the window rebuilds what it walks: a page
    filled anew leaves objects behind that are gone when asked."""
    for attempt in range(10):
        try:
            return search()
        except GLib.GError:
            if attempt == 9:
                raise
            time.sleep(0.3)


def _kids(acc):
    """The children of @acc, each asked for once. pyatspi's walks ask
    again for the count with every child and for every child twice, each
    a call over D-Bus: on a whole window, most of a scenario's time."""
    children = (acc.get_child_at_index(i) for i in range(acc.get_child_count()))
    return [child for child in children if child is not None]


def _first(acc, predicate):
    """pyatspi.findDescendant(acc, predicate, True), in its order: the
    children of @acc, then the same below each child in turn."""
    kids = _kids(acc)
    for child in kids:
        try:
            if predicate(child):
                return child
        except Exception:
            pass
    for child in kids:
        try:
            found = _first(child, predicate)
        except Exception:
            found = None  # gone while asked, as pyatspi's walk skips it
        if found is not None:
            return found
    return None


def _all(acc, predicate, matches):
    """pyatspi.findAllDescendants, in its order."""
    for child in _kids(acc):
        try:
            if predicate(child):
                matches.append(child)
        except Exception:
            pass
        _all(child, predicate, matches)
    return matches


def find(root, predicate):
    # A failure at the root's own children is asked again; below them,
    # what is gone is skipped
    return _settled(lambda: _first(root, predicate))


def find_all(root, predicate):
    return _settled(lambda: _all(root, predicate, []))


def _children(acc):
    try:
        return [child for child in (acc.getChildAtIndex(i) for i in range(acc.childCount))
                if child is not None]
    except Exception:
        return []  # gone while asked, as pyatspi's walk skips it


def _nearest(root, predicate):
    """The matching descendant of @root nearest to it: a true
    breadth-first walk, where pyatspi's looks one level ahead and then
    goes deep through the whole window first."""
    level = _children(root)
    while level:
        below = []
        for acc in level:
            if predicate(acc):
                return acc
            below.extend(_children(acc))
        level = below
    return None


def find_nearest(root, predicate):
    return _settled(lambda: _nearest(root, predicate))


def wait_toast(client, predicate, what):
    """A toast, or what is on it: it sits near the top of the window and
    lives for a few seconds, so it is looked for level by level before the
    lists below are walked, and often."""
    return wait(client.frame, predicate, what, nearest=True, interval=0.1)


def wait(root, predicate, what, timeout=TIMEOUT, nearest=False, interval=0.1):
    """The first widget under @root that @predicate matches, as soon as
    there is one; with @nearest, the one nearest to @root."""
    search = find_nearest if nearest else find
    end = time.time() + timeout
    while time.time() < end:
        found = search(root, predicate)
        if found is not None:
            return found
        time.sleep(interval)
    screenshot('failed-' + what.replace(' ', '-').replace('/', '-'))
    if os.environ.get('CIVICDESK_E2E_DUMP'):
        dump(root)
    raise AssertionError('not found: ' + what)


def wait_gone(root, predicate, what, timeout=TIMEOUT):
    end = time.time() + timeout
    while time.time() < end:
        if find(root, predicate) is None:
            return
        time.sleep(0.1)
    raise AssertionError('still there: ' + what)


# What a screen reader reads

# The roles an official acts on, and the containers they choose in: each
# must say what it is.
CONTROL_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button', 'entry', 'text',
    'password text', 'combo box', 'list item', 'spin button', 'slider', 'link',
    'menu item', 'check menu item', 'radio menu item', 'page tab', 'toggle', 'switch',
    'list', 'tree', 'table', 'menu', 'calendar', 'dial', 'spin button',
}

# GTK 4.8 gives a widget without a name its type's name ("GtkMenuButton").
_TYPE_NAME = re.compile(r'^(Gtk|Adw|Civic)[A-Z][A-Za-z]*$')


def name_defect(acc, name=None):
    """Why @acc's accessible name (@name, when already read) does not
    tell an official what it is, or None: empty, a widget type's name, or
    a mnemonic read twice."""
    name = ((acc.name if name is None else name) or '').strip()
    if not name:
        return 'no name'
    if _TYPE_NAME.match(name):
        return 'named only by its type'
    if '_' in name:
        return 'a mnemonic in its name'
    return None


def unnamed_controls(root):
    """Every visible control under @root a screen reader cannot name, as
    "role 'name' (defect) in parent-chain" lines."""
    found = []

    # A node's state and name asked for once: a call over D-Bus each, on
    # every node of the window
    def walk(acc, path):
        try:
            state = acc.getState()
            if not state.contains(pyatspi.STATE_VISIBLE):
                return
            role = acc.getRoleName()
            name = acc.name
            focusable = state.contains(pyatspi.STATE_FOCUSABLE)
            if role in CONTROL_ROLES or (focusable and role == 'label'):
                defect = name_defect(acc, name)
                if defect:
                    found.append('%s %r (%s) in %s' % (role, name, defect,
                                                       ' > '.join(path[-3:])))
            label = name if name and not _TYPE_NAME.match(name) else role
            for i in range(acc.childCount):
                child = acc.getChildAtIndex(i)
                if child is not None:
                    walk(child, path + [label])
        except Exception:
            return
    for i in range(root.childCount):
        walk(root.getChildAtIndex(i), [root.name or root.getRoleName()])
    return found


def window_geometry(title):
    """Where the window of @title is on the X screen, from xwininfo."""
    tree = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True,
                          check=True).stdout
    for line in tree.splitlines():
        if '"%s"' % title in line:
            # …"Civic Desk": ("civicdesk" "Civic Desk")  1200x760+0+0  +0+0
            for field in line.split():
                if 'x' in field and field.count('+') == 2 and field[0].isdigit():
                    return field
    return None


def window_origin(acc):
    """Where the window that holds @acc is on the screen: a dialog is a
    window of its own."""
    top = acc
    while top.parent is not None and top.parent.getRoleName() != 'application':
        top = top.parent
    geometry = window_geometry(top.name) if top.name else None
    if geometry is None:
        return 0, 0
    _, x, y = geometry.split('+')
    return int(x), int(y)


def centre(acc):
    """Where the middle of @acc is on the screen."""
    extents = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    origin_x, origin_y = window_origin(acc)
    return origin_x + extents.x + extents.width // 2, origin_y + extents.y + extents.height // 2


def click(acc):
    """A click of the mouse at the middle of @acc, as a user makes it."""
    x, y = centre(acc)
    pyatspi.Registry.generateMouseEvent(x, y, 'abs')
    time.sleep(0.15)
    pyatspi.Registry.generateMouseEvent(x, y, 'b1c')
    time.sleep(0.3)


def scroll_to(acc, within):
    """Turns the mouse wheel over @within, as a user does, until @acc is
    in the part of it shown: a list longer than its window."""
    top = within
    while top.parent is not None and top.parent.getRoleName() != 'application':
        top = top.parent
    height = top.queryComponent().getExtents(pyatspi.WINDOW_COORDS).height
    for _ in range(100):
        extents = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        middle = extents.y + extents.height // 2
        if 60 < middle < height - 20:
            return
        x, y = centre(top)
        pyatspi.Registry.generateMouseEvent(x, y, 'abs')
        pyatspi.Registry.generateMouseEvent(x, y, 'b5c' if middle >= height - 20 else 'b4c')
        time.sleep(0.15)
    raise AssertionError('could not scroll to ' + (acc.name or acc.getRoleName()))


def drag(source, find_target):
    """Presses the mouse on @source and moves it as a hand does; once the
    drag has begun, asks find_target() where to go (what a drag marks is
    there to choose by), moves there and lets go. Returns the target."""
    x, y = centre(source)
    pyatspi.Registry.generateMouseEvent(x, y, 'abs')
    time.sleep(0.2)
    pyatspi.Registry.generateMouseEvent(x, y, 'b1p')
    time.sleep(0.2)
    for step in range(1, 9):
        pyatspi.Registry.generateMouseEvent(x + 5 * step, y + 2 * step, 'abs')
        time.sleep(0.08)
    time.sleep(1)
    target = find_target()
    to_x, to_y = centre(target)
    from_x, from_y = x + 40, y + 16
    for step in range(1, 21):
        pyatspi.Registry.generateMouseEvent(from_x + (to_x - from_x) * step // 20,
                                            from_y + (to_y - from_y) * step // 20, 'abs')
        time.sleep(0.05)
    time.sleep(0.8)
    pyatspi.Registry.generateMouseEvent(to_x, to_y, 'b1r')
    time.sleep(0.5)
    return target


def dump(root, depth=0):
    """The visible tree under @root, for a test being written."""
    try:
        if depth > 0 and not root.getState().contains(pyatspi.STATE_VISIBLE):
            return
        print('#' + '  ' * depth + '%s %r' % (root.getRoleName(), root.name), flush=True)
        for i in range(root.childCount):
            dump(root.getChildAtIndex(i), depth + 1)
    except Exception as e:
        print('#' + '  ' * depth + 'gone: %s' % e, flush=True)


def key(keysym):
    """A key pressed and released, as a user types it."""
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    time.sleep(0.2)


def press(acc):
    """The button's own action, as a screen reader presses it. A menu
    button is a button inside a button: the inner one presses."""
    try:
        action = acc.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ('click', 'activate'):
                action.doAction(i)
                time.sleep(0.3)
                return
    except NotImplementedError:
        pass
    inner = find(acc, lambda a: a.getRoleName() == 'push button')
    if inner is not None:
        return press(inner)
    raise AssertionError('cannot press ' + clean(acc.name))


def widget_action(acc, name):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == name:
            action.doAction(i)
            time.sleep(0.3)
            return
    raise AssertionError('no action %s on %s' % (name, acc.name))


def type_into(acc, text):
    acc.queryEditableText().setTextContents(text)
    time.sleep(0.5)


def screenshot(name):
    out = os.environ.get('CIVICDESK_E2E_SCREENSHOTS')
    if out:
        os.makedirs(out, exist_ok=True)
        subprocess.run(['import', '-window', 'root', os.path.join(out, name + '.png')],
                       check=False)


# The client and the service

# What each demo role sees first once signed in: the inbox for the case
# roles, the Disclosures section for the organ's disclosure staff
READY = {
    'editor': ('push button', '_New Disclosure', 'the Disclosures section'),
    'reviewer': ('push button', 'To _Review', 'the Disclosures section'),
    'head': ('push button', 'To _Review', 'the Disclosures section'),
    'handler': ('push button', 'Idea _Campaigns', 'the Messages section'),
    'reply-reviewer': ('push button', 'Idea _Campaigns', 'the Messages section'),
    'dispatcher': ('push button', 'Idea _Campaigns', 'the Messages section'),
    'catalogue-editor': ('push button', '_New Item', 'the Catalogue section'),
    'catalogue-reviewer': ('entry', 'Find an item by name or code', 'the Catalogue section'),
    'admin': ('push button', '_Add Account', 'the Accounts section'),
    'dept-admin': ('push button', '_Add Account', 'the Accounts section'),
    'supervisor': ('list', 'Red and yellow, by department', 'the Supervision section'),
}


class Client:
    def __init__(self, role):
        # CIVICDESK_E2E_GDB=1: a crash leaves its backtrace in the client's log
        debugger = ['gdb', '-batch', '-ex', 'run', '-ex', 'bt', '--args'] \
            if os.environ.get('CIVICDESK_E2E_GDB') else []
        self.process = subprocess.Popen(debugger + [CLIENT, '--demo', '--demo-role=' + role], env=env,
                                        stdout=subprocess.DEVNULL, stderr=open(
                                            os.path.join(home, 'client-%s.log' % role), 'a'))
        self.app = find_app()
        self.frame = wait(self.app, named('frame', 'Civic Desk'), 'the main window')
        if role in READY:
            widget_role, name, what = READY[role]
            self.cases = None
            wait(self.app, named(widget_role, name), what, 120)
        else:
            self.cases = wait(self.app, named('list', 'Cases'), 'the list of cases', 120)
        self.sync_state = None
        self.wait_synced()

    def wait_synced(self, timeout=TIMEOUT):
        """Until a button of the window says "Synced". The sync state is
        one button that changes its name: the one found last is read
        again, a call or two, where a walk of the whole window takes a
        second; the window is walked too, each second, in case the
        button was made anew. It sits near the top of the window: looked
        for level by level."""
        synced = named('push button', prefix=tr('Synced %s').split('%s')[0])
        end = time.time() + timeout
        walked = 0
        while time.time() < end:
            if self.sync_state is not None and synced(self.sync_state):
                return
            if self.sync_state is None or time.time() - walked > 1:
                found = find_nearest(self.app, synced)
                walked = time.time()
                if found is not None:
                    self.sync_state = found
                    return
            time.sleep(0.1)
        screenshot('failed-the-sync-state-Synced')
        if os.environ.get('CIVICDESK_E2E_DUMP'):
            dump(self.app)
        raise AssertionError('not found: the sync state "Synced"')

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        time.sleep(0.5)

    def show_queue(self, label):
        sections = wait(self.app, named('list', 'Sections'), 'the sidebar')
        click(wait(sections, named('label', label), 'the section ' + label))

    def main_menu_button(self):
        """The main menu of the signed-in window: the one beside the
        sections (the welcome page, behind, has its own)."""
        pane = wait(self.app, named('list', 'Sections'), 'the sidebar')
        while pane is not None and find(pane, named('push button', 'Main Menu')) is None:
            pane = pane.parent
        assert pane is not None, 'no main menu'
        return find(pane, named('push button', 'Main Menu'))

    def menu(self, item):
        """Chooses @item of the main menu."""
        press(self.main_menu_button())
        press(wait(self.app, named('menu item', item), 'the menu item ' + item))

    def search(self, text):
        widget_action(self.frame, 'win.search')
        entry = wait(self.app, named('entry', 'Search Cases'), 'the search entry')
        type_into(entry, text)
        return entry

    def row(self, number, timeout=TIMEOUT):
        separator = tr('%s, %s, %s, %s%s').split('%s')[1]
        return wait(self.cases, named('list item', prefix=number + separator), 'the row of ' + number,
                    timeout)

    def open_case(self, number):
        click(self.row(number))
        return wait(self.app, named('label', number), 'the case page of ' + number)

    def choose(self, dialog, title, option):
        """Picks @option in the dialog's drop-down @title, which has nothing
        chosen yet, with the keyboard: GTK 4.8 gives the items of a popover
        the wrong places, so a click would miss them."""
        click(wait(dialog, named('combo box', title), 'the choice ' + title))
        item = wait(self.app, named('label', option), 'the option ' + option)
        while item is not None and item.getRoleName() != 'list item':
            item = item.parent
        for _ in range(item.getIndexInParent()):
            key(0xff54)  # Down
        key(0xff0d)  # Return

    def choose_first(self, dialog, title):
        """Picks the first option of the dialog's drop-down @title."""
        click(wait(dialog, named('combo box', title), 'the choice ' + title))
        time.sleep(0.8)
        key(0xff0d)  # Return

    def take_action(self, label, response, fill=None):
        # The next step and Comment are buttons; the rest in a menu
        button = find(self.app, named('push button', prefix=label))
        if button is not None:
            press(button)
        else:
            more = find(self.app, named('push button', 'Other Actions')) or \
                find(self.app, named('push button', 'More Actions')) or \
                wait(self.app, named('push button', 'Actions'), 'the menu of actions')
            press(more)
            press(wait(self.app, named('menu item', prefix=label), 'the menu item ' + label))
        dialog = wait(self.app, lambda a: a.getRoleName() in ('dialog', 'frame', 'alert')
                      and find(a, named('push button', response)) is not None,
                      'the dialog of ' + label)
        if fill:
            fill(dialog)
        button = wait(dialog, named('push button', response), 'the button ' + response)
        end = time.time() + 10
        while not button.getState().contains(pyatspi.STATE_SENSITIVE) and time.time() < end:
            time.sleep(0.2)
        assert button.getState().contains(pyatspi.STATE_SENSITIVE), \
            'the rules refuse %s: %s' % (label, ' / '.join(
                clean(a.name) for a in find_all(dialog, lambda a: a.getRoleName() == 'label')))
        press(button)


def demo_port():
    with open(os.path.join(demo_dir, 'last-port')) as f:
        return int(f.read().strip())


def request(method, path, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request('http://127.0.0.1:%d%s' % (demo_port(), path), data=data,
                                 method=method)
    req.add_header('Content-Type', 'application/json')
    if token:
        req.add_header('Authorization', 'Bearer ' + token)
    with urllib.request.urlopen(req, timeout=20) as answer:
        return json.loads(answer.read())


def sign_in(user):
    return request('POST', '/api/v1/session', body={'username': user,
                                                    'password': DEMO_PASSWORD})['token']


def all_of(kind, user='officer'):
    """Every record of @kind that @user's feed has, by id: by default, of
    an official of the demo department who takes no part in the tests (a
    supervisor's feed does not carry the province's records)."""
    token = sign_in(user)
    records, after, more = {}, 0, True
    while more:
        page = request('GET', '/api/v1/changes?after=%d&limit=1000' % after, token)
        for change in page['changes']:
            if change['type'] == kind:
                records[change['id']] = change['data']
        after, more = page['next'], page['more']
    return records


def all_cases():
    return all_of('case')


def service_record(collection, record_id):
    """The record as the service has it now, read as a supervisor reads
    any record; None while there is none."""
    try:
        return request('GET', '/api/v1/%s/%s' % (collection, record_id),
                       sign_in('supervisor'))['data']
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


def service_case(case_id):
    return service_record('cases', case_id)


def serve_pids():
    pids = []
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            with open('/proc/%s/cmdline' % pid, 'rb') as f:
                argv = f.read().split(b'\0')
        except OSError:
            continue
        if any(a.endswith(b'civicdesk-server') for a in argv) and b'serve' in argv and \
           demo_dir.encode() in argv:
            pids.append(int(pid))
    return pids


def stop_service():
    for pid in serve_pids():
        os.kill(pid, signal.SIGTERM)
    end = time.time() + 20
    while serve_pids() and time.time() < end:
        time.sleep(0.2)
    assert not serve_pids(), 'the demo service did not stop'


def start_service(port):
    process = subprocess.Popen([SERVER, 'serve', '--data-dir', demo_dir,
                                '--listen', '127.0.0.1:%d' % port, '--quiet'], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.time() + 30
    while time.time() < end:
        try:
            request('GET', '/api/v1/health')
            return process
        except Exception:
            time.sleep(0.2)
    raise AssertionError('the service did not come back')


def pick(cases, predicate):
    for case in sorted(cases.values(), key=lambda c: c['number']):
        if predicate(case):
            return case
    raise AssertionError('no demo case fits the test')


def open_decidable_case(client):
    """As the approver, opens a case of the department queue waiting for
    their decision (with an opinion, no hearing pending, its clock
    running). Returns the case."""
    def decidable(c):
        return scjg(c) and c['state'] == 'under-review' and \
            c['queue'] == 'approver' and c['opinions'] and \
            not c['hearing'].get('required') and c['summary']['status'] != 'paused'

    case = pick(all_cases(), decidable)
    client.show_queue('Department Queue')
    client.search(case['number'])
    client.open_case(case['number'])
    return case


def scjg(case):
    return case['department']['id'] == 'scjg' and not case['summary']['joint']


def needs_correction(case):
    """A case of the demo department that waits for its first correction
    notice: a required material is missing, nobody has it."""
    return scjg(case) and case['state'] in ('submitted', 'pre-review') and \
        case['assignee_id'] is None and not case['corrections'] and \
        any(m['required'] and not m['received'] for m in case['materials'])


def offered_document(app):
    """The draft a step offers when its dialog closes."""
    return wait(app, lambda a: a.getRoleName() == 'frame' and
                find(a, named('push button', '_Issue')) is not None, 'the draft document')


def open_document(app, title):
    """Opens the issued document @title of the case shown; returns its
    window once the service's PDF is in it (Print… can be pressed)."""
    press(wait(app, named('push button', prefix='Open', contains=title), 'the button Open'))
    viewer = wait(app, lambda a: a.getRoleName() == 'frame' and
                  find(a, named('push button', '_Print…')) is not None, 'the document ' + title)
    button = wait(viewer, named('push button', '_Print…'), 'Print…')
    end = time.time() + TIMEOUT
    while not button.getState().contains(pyatspi.STATE_SENSITIVE) and time.time() < end:
        time.sleep(0.2)
    return viewer


# The sync state with one action waiting, offline.
ONE_PENDING = tr('Offline · %s') % (trn('%u pending', '%u pending', 1) % 1)


def claim_offline(client):
    """The service stops; the official claims a case of the department's
    queue, offline. Returns the case and the service's port."""
    port = demo_port()
    case = pick(all_cases(), lambda c: scjg(c) and c['state'] == 'under-review' and
                c['queue'] == 'examiner' and c['assignee_id'] is None)
    stop_service()
    widget_action(client.frame, 'win.sync-now')
    wait(client.app, named('push button', prefix='Offline'), 'the sync state Offline')

    client.show_queue('Department Queue')
    client.search(case['number'])
    client.open_case(case['number'])
    press(wait(client.app, named('push button', 'Claim'), 'the Claim button'))
    wait(client.app, named('push button', ONE_PENDING), 'one pending action')
    return case, port


def claim_behind_a_colleague(client, command_id):
    """The official claims a case offline; a colleague claims it on the
    service first; the official's claim is sent and refused. Returns the
    case, the colleague's name and the restarted service (to stop)."""
    case, port = claim_offline(client)
    restarted = start_service(port)
    answer = request('POST', '/api/v1/commands', sign_in('examiner2'),
                     {'commands': [{'id': command_id, 'type': 'claim',
                                    'target': case['id'], 'args': {}}]})
    assert answer['results'][0]['status'] == 'applied'
    colleague = answer['results'][0]['entity']['data']['assignee_name']

    press(wait(client.app, named('push button', '_Retry'), 'the Retry button'))
    client.wait_synced()
    return case, colleague, restarted
