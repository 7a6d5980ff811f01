/* shim_crash.h — the last line of defence: a fatal signal while a script runs ends the
   process with exit 4 and a message naming the script, never a bare signal death (part of
   shim.h; see it for the whole). The handler runs on an alternate signal stack (a stack
   overflow leaves none to run on) and does only what is async-signal-safe: write, _exit. */
#ifndef SAMVERKAN_CLUA_CRASH_H
#define SAMVERKAN_CLUA_CRASH_H

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SV_CRASH_NAME 1024
#define SV_ALTSTACK_SIZE (256 * 1024)

/* What runs now (a script's path, a plugin's file), for the message. The state lives in
   function-local statics (Swift emits the functions of a header it imports, not its static
   variables); only SamverkanLua calls these, so there is one copy of each. */
static inline char *sv_crash_script(void) {
    static char name[SV_CRASH_NAME];
    return name;
}

static inline void sv_crash_write(const char *s) {
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(2, s, n);
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}

static void sv_crash_handler(int sig) {
    const char *name = sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS" : sig == SIGILL ? "SIGILL" : "SIGFPE";
    sv_crash_write("error: samverkan crashed (");
    sv_crash_write(name);
    sv_crash_write(")");
    const char *script = sv_crash_script();
    if (script[0]) {
        sv_crash_write(" while running ");
        sv_crash_write(script);
    }
    sv_crash_write(". This is a bug in samverkan or in the system's Lua 5.4, not a mistake the script "
                   "could fix: please report it with the script and the data it ran on.\n");
    _exit(4);
}

/* Installs the handler (once) and an alternate signal stack for the calling thread (each
   thread that runs Lua needs its own). */
static inline void sv_crash_install(void) {
    static volatile sig_atomic_t installed;
    static __thread int altstack_ready;
    if (!altstack_ready) {
        /* A thread that has one already keeps it: AddressSanitizer gives each thread its
           own and unmaps it when the thread ends, so it must stay the one it made. */
        stack_t current;
        if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE) && current.ss_size >= MINSIGSTKSZ)
            altstack_ready = 1;
    }
    if (!altstack_ready) {
        stack_t alt;
        alt.ss_sp = malloc(SV_ALTSTACK_SIZE);   /* kept for the thread's life: the handler may need it at any time */
        alt.ss_size = SV_ALTSTACK_SIZE;
        alt.ss_flags = 0;
        if (alt.ss_sp != NULL && sigaltstack(&alt, NULL) == 0) altstack_ready = 1;
    }
    if (!installed) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = sv_crash_handler;
        action.sa_flags = SA_ONSTACK | SA_RESETHAND;
        sigemptyset(&action.sa_mask);
        int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE };
        for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
        installed = 1;
    }
}

/* Names what runs from now on in the message (cut to fit). */
static inline void sv_crash_set_script(const char *name) {
    size_t n = strlen(name);
    if (n >= SV_CRASH_NAME) n = SV_CRASH_NAME - 1;
    char *script = sv_crash_script();
    memcpy(script, name, n);
    script[n] = 0;
}

#endif
