"""Living inside agent hosts: where each host loads skills and MCP servers, what `install`
wrote (the record in the state directory), and the `doctor` checks.

Pure path and config-text logic lives in `targets` and `mcpconfig`; `install`, `records` and
`doctor` touch files. Nothing here imports the CLI or the MCP SDK.
"""
