"""libtco's private helpers, shared by the public modules and not part of the API: reading what a user
passes (source, jsontext), documents in the C++ core's normal form (document), what-if edits (edit),
what every result shares (result), money text from the C++ core (text) and the tables a result hands
its renderers (tables)."""
