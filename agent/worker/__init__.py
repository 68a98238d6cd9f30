"""The background worker: one per state directory, owns the engine, sessions, the embedded local
backend and the job ledger; every CLI command (and the MCP server) is a thin client of it.

- `paths`: where the socket, lock, log and ledger live.
- `protocol`: the job request, the messages on the socket (JSON lines) and the result shapes.
- `ledger`: the SQLite job ledger (turn ids, phases, outcomes), the source of truth for recovery.
- `runner`: runs one job through the engine in-process, journaling what it did.
- `live`: a running job's progress events and waiters; `views`: how jobs look to clients.
- `server`: the job server (queue, waiters, idle exit, recovery on start); `housekeeping`: owner
  liveness, stale `.part` files, memory.
- `spawn`: detached start with a lock per state directory; `process`: the worker's main.
- `client`: `WorkerClient`, the async client the CLI and the MCP server use.

See docs/worker.md for the client API and the host contract.
"""
