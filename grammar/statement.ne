@preprocessor typescript
# Placeholder grammar; the statement grammar replaces it.
main -> "x"
