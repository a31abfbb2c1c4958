#ifndef TRIAGE_CLIBEDIT_SHIM_H
#define TRIAGE_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
