"""Existing job descriptions (Word and PDF) read into designs: nothing of the source is dropped."""
