// ncursesw for Swift.
//
// SwiftPM drops the -D flags pkg-config gives for ncursesw, so this header defines the
// wide-character switches itself before <ncurses.h>; without them cchar_t and the wide
// functions do not exist. Macros Swift cannot import are wrapped in static inline functions
// (prefix `peat_`).
#ifndef PEAT_CNCURSES_SHIM_H
#define PEAT_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <unistd.h>
#include <string.h>
#include <termios.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>

// term.h defines macros named after capabilities (lines, columns, ...) that clash with
// ordinary identifiers; Swift does not import them, but keep C users of this header safe.
#undef lines
#undef columns

// MARK: - Attributes

static inline attr_t peat_a_normal(void) { return A_NORMAL; }
static inline attr_t peat_a_bold(void) { return A_BOLD; }
static inline attr_t peat_a_dim(void) { return A_DIM; }
static inline attr_t peat_a_reverse(void) { return A_REVERSE; }
static inline attr_t peat_a_underline(void) { return A_UNDERLINE; }
static inline attr_t peat_a_blink(void) { return A_BLINK; }
static inline attr_t peat_a_italic(void) {
#ifdef A_ITALIC
    return A_ITALIC;
#else
    return A_NORMAL;
#endif
}

// MARK: - Screen geometry and globals

/// Rows of `win` (getmaxyx is a macro).
static inline int peat_max_y(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)x; return y; }
/// Columns of `win`.
static inline int peat_max_x(WINDOW *win) { int y, x; getmaxyx(win, y, x); (void)y; return x; }
/// The standard screen of the current SCREEN (a global Swift 6 treats as unsafe).
static inline WINDOW *peat_stdscr(void) { return stdscr; }
/// The physical-screen window of the current SCREEN.
static inline WINDOW *peat_curscr(void) { return curscr; }
/// Colours the terminal supports after start_color.
static inline int peat_colors(void) { return COLORS; }
/// Colour pairs the terminal supports after start_color.
static inline int peat_color_pairs(void) { return COLOR_PAIRS; }
/// stdout and stdin as FILE pointers for newterm.
static inline FILE *peat_stdout(void) { return stdout; }
static inline FILE *peat_stdin(void) { return stdin; }

// MARK: - Keys

static inline int peat_key_f(int n) { return KEY_F(n); }
static inline int peat_key_code_yes(void) { return KEY_CODE_YES; }
static inline int peat_key_resize(void) { return KEY_RESIZE; }
static inline int peat_key_up(void) { return KEY_UP; }
static inline int peat_key_down(void) { return KEY_DOWN; }
static inline int peat_key_left(void) { return KEY_LEFT; }
static inline int peat_key_right(void) { return KEY_RIGHT; }
static inline int peat_key_home(void) { return KEY_HOME; }
static inline int peat_key_end(void) { return KEY_END; }
static inline int peat_key_npage(void) { return KEY_NPAGE; }
static inline int peat_key_ppage(void) { return KEY_PPAGE; }
static inline int peat_key_btab(void) { return KEY_BTAB; }
static inline int peat_key_enter(void) { return KEY_ENTER; }
static inline int peat_key_backspace(void) { return KEY_BACKSPACE; }
static inline int peat_key_dc(void) { return KEY_DC; }

static inline int peat_key_mouse(void) { return KEY_MOUSE; }

// MARK: - Mouse

/// Asks for button-1 presses and wheel turns (no motion, no releases) and no click
/// interval (a press is reported at once). Off (`on` 0): no mouse reporting at all, so the
/// terminal's own text selection works. Returns 1 when the terminal reports the mouse.
static inline int peat_mouse_enable(int on) {
    mmask_t wanted = 0;
    if (on) {
        wanted = BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
        wanted |= BUTTON5_PRESSED;
#endif
    }
    mmask_t old = 0;
    mmask_t got = mousemask(wanted, &old);
    if (on) mouseinterval(0);
    return got != 0;
}

/// The mouse event after KEY_MOUSE: kind 1 press, 2 wheel up, 3 wheel down, 0 other/none;
/// the cell in *x, *y.
static inline int peat_mouse_read(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 3;
#endif
    return 0;
}

/// Reads one key or character; returns OK, KEY_CODE_YES or ERR and stores the code in *out.
static inline int peat_get_wch(WINDOW *win, int *out) {
    wint_t wch = 0;
    int rc = wget_wch(win, &wch);
    *out = (int)wch;
    return rc;
}

// MARK: - Cells

/// Writes `count` code points (one grapheme: a base character and its combining marks, at
/// most CCHARW_MAX - 1 of them are kept) at (y, x) with attributes and colour pair.
/// `insert` uses wins_wch, which does not advance the cursor: the safe way to fill the
/// bottom-right cell without scrolling.
static inline int peat_put_cell(WINDOW *win, int y, int x, const wchar_t *chars, int count,
                                attr_t attrs, short pair, int insert) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX - 1 ? count : CCHARW_MAX - 1;
    if (n <= 0) { text[0] = L' '; n = 1; }
    else { for (int i = 0; i < n; i++) text[i] = chars[i]; }
    text[n] = 0;
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) == ERR) {
        wchar_t blank[2] = { L'?', 0 };
        setcchar(&cell, blank, attrs, pair, NULL);
    }
    if (insert) {
        if (wmove(win, y, x) == ERR) return ERR;
        return wins_wch(win, &cell);
    }
    return mvwadd_wch(win, y, x, &cell);
}

// MARK: - Signals

/// True when `sig` is currently ignored (SIG_IGN), e.g. SIGHUP under nohup.
static inline int peat_signal_is_ignored(int sig) {
    struct sigaction current;
    if (sigaction(sig, NULL, &current) != 0) return 0;
    return current.sa_handler == SIG_IGN;
}

// MARK: - Crash restore
//
// If the process crashes while curses owns the terminal (a trap, a bad access, an abort),
// these handlers put the tty modes and the screen back before the previous handler (Swift's
// backtracer, or the default action) runs, so the crash report is readable and the shell
// usable. Only async-signal-safe calls (tcsetattr, write, sigaction, raise) are made, on
// data prepared in advance.
//
// The state below is `static`: call these functions from one Swift file only, so that one
// copy of it exists.

#define PEAT_CRASH_SIGNAL_LIMIT 65
struct peat_crash_state {
    struct termios termios;
    int have_termios;
    char reset[512];
    size_t reset_length;
    struct sigaction previous[PEAT_CRASH_SIGNAL_LIMIT];
    int installed[PEAT_CRASH_SIGNAL_LIMIT];
};

/// The one crash-restore state (a function-local static: Swift's importer emits those, not
/// file-scope statics).
static inline struct peat_crash_state *peat_crash(void) {
    static struct peat_crash_state state;
    return &state;
}

static inline void peat_crash_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    // stdin, or stdout when stdin carries data and keys come from /dev/tty (same terminal).
    if (peat_crash()->have_termios && tcsetattr(STDIN_FILENO, TCSANOW, &peat_crash()->termios) != 0)
        tcsetattr(STDOUT_FILENO, TCSANOW, &peat_crash()->termios);
    if (peat_crash()->reset_length > 0) {
        ssize_t ignored = write(STDOUT_FILENO, peat_crash()->reset, peat_crash()->reset_length);
        (void)ignored;
    }
    if (sig > 0 && sig < PEAT_CRASH_SIGNAL_LIMIT && peat_crash()->installed[sig]) {
        sigaction(sig, &peat_crash()->previous[sig], NULL);
        peat_crash()->installed[sig] = 0;
    }
    // A fault re-executes the faulting instruction on return and reaches the previous
    // handler with its real context. A sent or raised signal (abort, kill) is raised again
    // for the previous handler; if that handler returns, the default action ends the process.
    if (info == NULL || info->si_code <= 0) {
        raise(sig);
        signal(sig, SIG_DFL);
        raise(sig);
    }
}

/// Appends terminfo string capability `name` to the reset sequence, if the terminal has it.
static inline void peat_crash_append_capability(const char *name) {
    char *value = tigetstr((NCURSES_CONST char *)name);
    if (value == 0 || value == (char *)-1) return;
    size_t n = strlen(value);
    if (peat_crash()->reset_length + n >= sizeof(peat_crash()->reset)) return;
    memcpy(peat_crash()->reset + peat_crash()->reset_length, value, n);
    peat_crash()->reset_length += n;
}

/// Records `shell` (the tty modes before curses started) and the current terminal's reset
/// strings, then installs the crash handlers for SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP
/// and SIGABRT (keeping the handlers they replace).
static inline void peat_crash_restore_install(const struct termios *shell) {
    if (shell) { peat_crash()->termios = *shell; peat_crash()->have_termios = 1; }
    peat_crash()->reset_length = 0;
    peat_crash_append_capability("sgr0");
    peat_crash_append_capability("cnorm");
    peat_crash_append_capability("rmkx");
    peat_crash_append_capability("rmcup");
    // Mouse reporting off (xterm's modes; harmless where they were never on).
    const char mouseOff[] = "\033[?1000l\033[?1002l\033[?1003l\033[?1006l";
    if (peat_crash()->reset_length + sizeof(mouseOff) - 1 < sizeof(peat_crash()->reset)) {
        memcpy(peat_crash()->reset + peat_crash()->reset_length, mouseOff, sizeof(mouseOff) - 1);
        peat_crash()->reset_length += sizeof(mouseOff) - 1;
    }
    static const int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT };
    for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
        int sig = signals[i];
        if (peat_crash()->installed[sig]) continue;
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_sigaction = peat_crash_handler;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
        sigemptyset(&action.sa_mask);
        if (sigaction(sig, &action, &peat_crash()->previous[sig]) == 0) peat_crash()->installed[sig] = 1;
    }
}

/// Puts back the handlers `peat_crash_restore_install` replaced (the terminal is normal again).
static inline void peat_crash_restore_remove(void) {
    for (int sig = 1; sig < PEAT_CRASH_SIGNAL_LIMIT; sig++) {
        if (!peat_crash()->installed[sig]) continue;
        sigaction(sig, &peat_crash()->previous[sig], NULL);
        peat_crash()->installed[sig] = 0;
    }
    peat_crash()->have_termios = 0;
    peat_crash()->reset_length = 0;
}

// MARK: - Terminal checks

/// True when the current terminal has a usable cursor-addressing capability ("cup").
static inline int peat_has_cursor_addressing(void) {
    char *cup = tigetstr((NCURSES_CONST char *)"cup");
    return cup != 0 && cup != (char *)-1;
}

/// True when the locale's character set is UTF-8.
static inline int peat_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    if (cs == 0) return 0;
    return (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') &&
           (cs[2] == 'F' || cs[2] == 'f') && ((cs[3] == '-' && cs[4] == '8' && cs[5] == 0) ||
                                              (cs[3] == '8' && cs[4] == 0));
}

#endif
