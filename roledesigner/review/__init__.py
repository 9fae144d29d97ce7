"""Design review: checks that turn a design (and the library) into findings."""
