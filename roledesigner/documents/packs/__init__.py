"""The recruitment pack: the interview pack and the shortlisting matrix, built from a design and the library.

Each document has a view model (`interview`, `shortlisting`) and writers for its formats
(`interviewword`, `interviewhtml` for the PDF, `shortlistexcel`, `shortlistword`, `criteriatext`);
`packexport` writes them to files. docs/recruitment.md says what each holds and how a trust
changes the scales.
"""
