/*
 * shim.h — the system's libedit (Debian's libedit-dev, BSD licence) for `samverkan repl`:
 * line editing, history and a completion key. el_set and history are variadic, which Swift
 * cannot call; these wrappers fix their arguments. Nothing else is wrapped.
 */
#ifndef SAMVERKAN_EDITLINE_SHIM_H
#define SAMVERKAN_EDITLINE_SHIM_H

#include <stdio.h>
#include <histedit.h>

typedef char *(*sv_prompt_fn)(EditLine *);
typedef unsigned char (*sv_complete_fn)(EditLine *, int);

/* A history of `size` lines, kept in memory only (nothing is written to a file). */
static inline History *sv_history_start(int size) {
    HistEvent event;
    History *h = history_init();
    if (h) history(h, &event, H_SETSIZE, size);
    return h;
}

static inline void sv_history_add(History *h, const char *line) {
    HistEvent event;
    history(h, &event, H_ENTER, line);
}

/* An editor on stdin/stdout with emacs keys, the prompt, the history, and Tab bound to complete. */
static inline EditLine *sv_editor_start(const char *program, sv_prompt_fn prompt, sv_complete_fn complete, History *h) {
    EditLine *el = el_init(program, stdin, stdout, stderr);
    if (!el) return NULL;
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_PROMPT, prompt);
    el_set(el, EL_HIST, history, h);
    el_set(el, EL_ADDFN, "sv-complete", "Complete a name", complete);
    el_set(el, EL_BIND, "^I", "sv-complete", NULL);
    /* Restores the terminal on SIGINT, SIGTSTP, … and passes the signal on. */
    el_set(el, EL_SIGNAL, 1);
    return el;
}

/* Writes text where the editor writes (a completion's list of candidates). */
static inline void sv_editor_print(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

#endif
