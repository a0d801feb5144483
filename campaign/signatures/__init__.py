"""Signatures: the sign-on form, confirmation by email, private edit links, the public list."""
