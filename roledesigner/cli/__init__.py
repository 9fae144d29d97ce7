"""The command line: parser and main (`main`), commands, exit codes, text reports, the self-test."""
