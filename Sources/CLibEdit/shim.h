#ifndef TRIAGE_CLIBEDIT_SHIM_H
#define TRIAGE_CLIBEDIT_SHIM_H

/*
 * Fixed-arity wrappers around libedit for Swift.
 *
 * Swift cannot call C variadic functions (el_set, el_get, history) and, in
 * Swift 6 mode, cannot safely touch the C stdin/stdout/stderr globals, so
 * every use of those goes through a static inline function here.
 */

#include <stdio.h>
#include <histedit.h>

/* Prompt callback type: returns the prompt for the next line. */
typedef char *(*triage_prompt_fn)(EditLine *);

/* Editor function callback type, bound to a key with triage_el_bind. */
typedef unsigned char (*triage_editor_fn)(EditLine *, int);

/* Creates an editor on the process's stdin/stdout/stderr. */
static inline EditLine *triage_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}

/* Sets the prompt callback; `literal_delimiter` brackets invisible
 * sequences (ANSI colour) in the prompt so libedit measures it right. */
static inline int triage_el_set_prompt(EditLine *el, triage_prompt_fn fn, char literal_delimiter) {
    return el_set(el, EL_PROMPT_ESC, fn, (int)literal_delimiter);
}

/* Selects the emacs key bindings. */
static inline int triage_el_set_editor_emacs(EditLine *el) {
    return el_set(el, EL_EDITOR, "emacs");
}

/* Lets libedit install its own signal handlers while reading a line
 * (restores the terminal on fatal signals and follows SIGWINCH). */
static inline int triage_el_set_signal_handling(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

/* Turns off ISIG while editing, so control characters such as ^C reach
 * the key bindings instead of raising signals. */
static inline int triage_el_disable_tty_signals(EditLine *el) {
    return el_set(el, EL_SETTY, "-d", "-isig", (const char *)NULL);
}

/* Registers a named editor function. */
static inline int triage_el_add_function(EditLine *el, const char *name, const char *help, triage_editor_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/* Binds a key sequence (e.g. "^I") to a named editor function. */
static inline int triage_el_bind(EditLine *el, const char *key, const char *function_name) {
    return el_set(el, EL_BIND, key, function_name, (const char *)NULL);
}

/* Stores an opaque pointer for the callbacks to find their context. */
static inline int triage_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

/* Returns the pointer stored with triage_el_set_clientdata. */
static inline void *triage_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return data;
}

/* Attaches a history to the editor (up/down arrow recall). */
static inline int triage_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

/* Inserts text at the cursor. */
static inline int triage_el_insertstr(EditLine *el, const char *text) {
    return el_insertstr(el, text);
}

/* Writes text to stdout (the stream Swift's print uses and the editor writes to) and flushes it. */
static inline void triage_print_stdout(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

/* Creates an empty history. */
static inline History *triage_history_init(void) {
    return history_init();
}

/* Caps the number of remembered entries. */
static inline int triage_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

/* Adds a new entry. */
static inline int triage_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

/* Frees a history. */
static inline void triage_history_end(History *h) {
    history_end(h);
}

#endif
