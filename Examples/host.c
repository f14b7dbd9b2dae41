/* A 20-line C host: enrich every message of a JSONL conversation. Usage: host FILE.jsonl */
#define _POSIX_C_SOURCE 200809L
#include <parley.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    parley_engine *engine = NULL;
    FILE *in = argc > 1 ? fopen(argv[1], "r") : stdin;
    if (!in || parley_engine_open("{\"region\": \"RW\"}", &engine) != PARLEY_OK) return 1;
    char *line = NULL, *context = NULL;
    size_t cap = 0, context_len = 0;
    for (ssize_t n; (n = getline(&line, &cap, in)) > 1;) {
        parley_status status = parley_engine_process(engine, line, (size_t)n, &context, &context_len);
        if (status == PARLEY_OK) puts(context);
        else fprintf(stderr, "%s: %s\n", parley_status_name(status), parley_last_error());
        parley_string_free(context);
    }
    free(line);
    parley_engine_close(engine);
    return 0;
}
