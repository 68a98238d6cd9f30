"""The HTTP server: the Starlette app, its routes, the backend state, the project page and the
render workers (imports the store, the interpreter and the renderer)."""
