"""The API routes, one module per endpoint family."""
