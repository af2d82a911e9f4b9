/*
 * cli.h - what the files of the `dossier` command share: exit statuses and the entry point of
 * each command group (argv[0] is the command name, as for main).
 */
#ifndef DOSSIER_CLI_H
#define DOSSIER_CLI_H

#define CLI_EXIT_INPUT 1 /* some input failed, or the database did */
#define CLI_EXIT_USAGE 2 /* a bad option or argument */

#include <stdio.h>

/* cmd_store.c: writes s as a JSON string (RFC 8259 escapes; UTF-8 passes through), null for
 * NULL. */
void cli_json_string(FILE *out, const char *s);

/* cmd_store.c: the database commands. Each returns the exit status. */
int cmd_ingest(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_export(int argc, char **argv);
/* cmd_compare.c: one story compared across its outlets. */
int cmd_compare(int argc, char **argv);
/* cmd_stories.c: the stories of the database. */
int cmd_stories(int argc, char **argv);
/* cmd_show.c: a stored story's dossier, for a terminal, as JSON or as an HTML report. */
int cmd_show(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif
