// ncursesw for Swift 6, plus the few C pieces Swift cannot express safely.
//
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags, so the wide-character API has to be
// switched on here, before the first curses include.
#ifndef SHOOTNET_CNCURSESW_SHIM_H
#define SHOOTNET_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#else
#include <curses.h>
#include <term.h>
#endif

// MARK: - C globals (Swift 6 rejects direct access to mutable C globals)

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *shim_stdin(void) { return stdin; }
static inline FILE *shim_stdout(void) { return stdout; }

/// Columns the C library gives a character (-1 if unprintable). glibc only declares wcwidth
/// under _XOPEN_SOURCE, which SwiftPM drops; the symbol is always in libc.
extern int wcwidth(wchar_t c);
static inline int shim_wcwidth(wchar_t c) { return wcwidth(c); }

// MARK: - Function-like macros

static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }

static inline mmask_t shim_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t shim_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t shim_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t shim_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t shim_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t shim_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline mmask_t shim_button3_clicked(void) { return BUTTON3_CLICKED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t shim_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t shim_button5_pressed(void) { return 0; }
#endif

/// terminfo string capability, or NULL when the terminal lacks it (hides the (char *)-1 case).
static inline const char *shim_tigetstr(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

// MARK: - Signals and terminal restoration
//
// The state lives in one function-local static (`shim_guard`). (A file-scope `static T x;`
// without an initialiser is a tentative definition, which Swift's Clang code generation does
// not emit: it links as an undefined symbol.) Each object
// file that uses these functions gets its own copy, so only ONE Swift file
// (Terminal/SignalGuard.swift) may call the shim_guard_* / shim_signal_* functions.

#define SHIM_QUIT_SIGNAL_COUNT 3
#define SHIM_CRASH_SIGNAL_COUNT 7

struct shim_guard_state {
    volatile sig_atomic_t pending_signal;
    volatile sig_atomic_t termios_saved;
    volatile sig_atomic_t screen_active;
    volatile sig_atomic_t reset_length;
    int atexit_registered;
    struct termios saved_termios;
    char reset_bytes[512];
    volatile sig_atomic_t own_modes_length[2];
    char own_modes[2][64];
    int suspend_wrapped;
    struct sigaction previous_quit[SHIM_QUIT_SIGNAL_COUNT];
    struct sigaction previous_crash[SHIM_CRASH_SIGNAL_COUNT];
    struct sigaction previous_suspend;
};

static inline struct shim_guard_state *shim_guard(void) {
    static struct shim_guard_state state;
    return &state;
}

static inline int shim_quit_signal(int i) {
    switch (i) { case 0: return SIGINT; case 1: return SIGTERM; default: return SIGHUP; }
}

// SIGQUIT (Ctrl-\) is here too: the user asked for a hard stop, but the terminal must survive it.
static inline int shim_crash_signal(int i) {
    switch (i) {
    case 0: return SIGSEGV; case 1: return SIGBUS; case 2: return SIGILL; case 3: return SIGTRAP;
    case 4: return SIGABRT; case 5: return SIGFPE; default: return SIGQUIT;
    }
}

static inline void shim_on_quit_signal(int sig) {
    shim_guard()->pending_signal = sig;
}

/// Async-signal-safe: only write.
static inline void shim_write_all(const char *p, size_t left) {
    while (left > 0) {
        ssize_t n = write(STDOUT_FILENO, p, left);
        if (n <= 0) break;
        p += n;
        left -= (size_t)n;
    }
}

/// Async-signal-safe: only tcsetattr and write.
static inline void shim_restore_terminal_now(void) {
    if (shim_guard()->termios_saved) {
        tcsetattr(STDIN_FILENO, TCSANOW, &shim_guard()->saved_termios);
    }
    shim_write_all(shim_guard()->reset_bytes, (size_t)shim_guard()->reset_length);
}

// MARK: - The driver's own terminal modes
//
// Modes the driver sets beyond what curses knows from terminfo (the SGR mouse encoding) have to
// be undone wherever curses leaves the screen on its own: when it suspends on Ctrl-Z (SIGTSTP,
// which ncurses handles itself) and in the exit hook. Index 1 holds the bytes that set them,
// index 0 the bytes that undo them.

/// Writes the bytes that set (`on` nonzero) or undo the driver's own modes. Async-signal-safe.
static inline void shim_write_own_modes(int on) {
    int i = on ? 1 : 0;
    shim_write_all(shim_guard()->own_modes[i], (size_t)shim_guard()->own_modes_length[i]);
}

/// Wraps the SIGTSTP handler ncurses installed: the own modes are undone before it ends curses
/// and stops the process, and set again after it has redrawn on SIGCONT.
static inline void shim_on_suspend_signal(int sig) {
    shim_write_own_modes(0);
    void (*previous)(int) = shim_guard()->previous_suspend.sa_handler;
    if (previous != SIG_DFL && previous != SIG_IGN) previous(sig);
    shim_write_own_modes(1);
}

static inline void shim_on_crash_signal(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (shim_guard()->screen_active) {
        shim_guard()->screen_active = 0;
        shim_restore_terminal_now();
    }
    // Hand the signal to whoever had it before (the default action, or Swift's backtracer).
    for (int i = 0; i < SHIM_CRASH_SIGNAL_COUNT; i++) {
        if (shim_crash_signal(i) == sig) {
            sigaction(sig, &shim_guard()->previous_crash[i], NULL);
            break;
        }
    }
    // A CPU fault (si_code > 0) happens again when the handler returns, now with the previous
    // action and the true fault details. A sent signal (kill, raise, abort: si_code <= 0) has
    // to be sent again, and so does SIGTRAP (x86 resumes after int3, it would not re-fault).
    int refaults = sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE;
    int synchronous_fault = refaults && info != NULL && info->si_code > 0;
    if (synchronous_fault) return;
    raise(sig);
    // The previous handler returned (Swift's backtracer does, expecting the fault to recur):
    // make sure the process still ends the way the signal meant.
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(sig, &fallback, NULL);
    raise(sig);
}

static inline void shim_atexit_restore(void) {
    if (shim_guard()->screen_active) {
        shim_guard()->screen_active = 0;
        endwin();
        shim_write_own_modes(0);
        if (shim_guard()->termios_saved) tcsetattr(STDIN_FILENO, TCSANOW, &shim_guard()->saved_termios);
    }
}

/// Saves the terminal modes of stdin, to be restored by a crash handler.
static inline int shim_guard_save_termios(void) {
    if (tcgetattr(STDIN_FILENO, &shim_guard()->saved_termios) != 0) return -1;
    shim_guard()->termios_saved = 1;
    return 0;
}

/// The bytes a crash handler writes to put the terminal back (computed from terminfo at start).
static inline void shim_guard_set_reset_bytes(const char *bytes, int length) {
    shim_guard()->reset_length = 0;
    if (length < 0) length = 0;
    if (length > (int)sizeof(shim_guard()->reset_bytes)) length = (int)sizeof(shim_guard()->reset_bytes);
    memcpy(shim_guard()->reset_bytes, bytes, (size_t)length);
    shim_guard()->reset_length = length;
}

/// The bytes that set (`on` nonzero) or undo the driver's own modes; at most 64.
static inline void shim_guard_set_own_modes(int on, const char *bytes, int length) {
    int i = on ? 1 : 0;
    shim_guard()->own_modes_length[i] = 0;
    if (length < 0) length = 0;
    if (length > (int)sizeof(shim_guard()->own_modes[i])) length = (int)sizeof(shim_guard()->own_modes[i]);
    memcpy(shim_guard()->own_modes[i], bytes, (size_t)length);
    shim_guard()->own_modes_length[i] = length;
}

static inline void shim_guard_set_active(int active) {
    shim_guard()->screen_active = active;
    if (active && !shim_guard()->atexit_registered) {
        shim_guard()->atexit_registered = 1;
        atexit(shim_atexit_restore);
    }
}

static inline int shim_guard_is_active(void) { return shim_guard()->screen_active; }

/// SIGINT, SIGTERM, SIGHUP only set a flag. No SA_RESTART, so a blocking read is interrupted.
static inline void shim_signal_install_quit_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = shim_on_quit_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    for (int i = 0; i < SHIM_QUIT_SIGNAL_COUNT; i++) sigaction(shim_quit_signal(i), &action, &shim_guard()->previous_quit[i]);
    // A parent may have started us with these blocked (seen under tmux servers started from
    // sandboxes and CI runners): a blocked SIGTERM or SIGWINCH would never reach the UI.
    sigset_t wanted;
    sigemptyset(&wanted);
    for (int i = 0; i < SHIM_QUIT_SIGNAL_COUNT; i++) sigaddset(&wanted, shim_quit_signal(i));
    for (int i = 0; i < SHIM_CRASH_SIGNAL_COUNT; i++) sigaddset(&wanted, shim_crash_signal(i));
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
}

static inline void shim_signal_restore_quit_handlers(void) {
    for (int i = 0; i < SHIM_QUIT_SIGNAL_COUNT; i++) sigaction(shim_quit_signal(i), &shim_guard()->previous_quit[i], NULL);
}

static inline void shim_signal_install_crash_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = shim_on_crash_signal;
    sigemptyset(&action.sa_mask);
    // SA_NODEFER: the raise() inside the handler is delivered at once to the restored action.
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    for (int i = 0; i < SHIM_CRASH_SIGNAL_COUNT; i++) sigaction(shim_crash_signal(i), &action, &shim_guard()->previous_crash[i]);
}

static inline void shim_signal_restore_crash_handlers(void) {
    for (int i = 0; i < SHIM_CRASH_SIGNAL_COUNT; i++) sigaction(shim_crash_signal(i), &shim_guard()->previous_crash[i], NULL);
}

/// Wraps curses' SIGTSTP handler (see shim_on_suspend_signal). Does nothing when there is no
/// handler function to wrap (SIGTSTP ignored or left to the default) or it is wrapped already.
static inline void shim_signal_wrap_suspend_handler(void) {
    if (shim_guard()->suspend_wrapped) return;
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) != 0) return;
    if ((current.sa_flags & SA_SIGINFO) || current.sa_handler == SIG_DFL || current.sa_handler == SIG_IGN) return;
    struct sigaction action = current;
    action.sa_handler = shim_on_suspend_signal;
    shim_guard()->previous_suspend = current;
    if (sigaction(SIGTSTP, &action, NULL) == 0) shim_guard()->suspend_wrapped = 1;
}

/// Puts curses' SIGTSTP handler back, unless someone replaced the wrapper since.
static inline void shim_signal_unwrap_suspend_handler(void) {
    if (!shim_guard()->suspend_wrapped) return;
    shim_guard()->suspend_wrapped = 0;
    struct sigaction current;
    if (sigaction(SIGTSTP, NULL, &current) != 0) return;
    if (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == shim_on_suspend_signal) {
        sigaction(SIGTSTP, &shim_guard()->previous_suspend, NULL);
    }
}

/// The pending SIGINT/SIGTERM/SIGHUP number (0 if none), cleared on read.
static inline int shim_signal_take_pending(void) {
    int sig = shim_guard()->pending_signal;
    if (sig != 0) shim_guard()->pending_signal = 0;
    return sig;
}

#endif
