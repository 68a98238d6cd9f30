"""The embedded local backend: the NemoVideo skill API on loopback, with real MP4 rendering.

Needs the `local` extra (starlette, uvicorn, av, opencv-python-headless, numpy, Pillow).

Its parts, with imports pointing one way (server -> store / interpreter -> renderer -> draft):

- `server/`: the Starlette app (`app`), uvicorn on loopback (`loopback`), the backend state and
  its dependencies (`backend`), the routes (`routes/`), the SSE run stream, uploads (`ingest`),
  body limits, the project page and the render workers.
- `store/`: SQLite persistence (`db`, `schema`), render jobs (`jobs`) and draft revisions
  (`history`).
- `interpreter/`: the local agent, a pure EN/ZH instruction interpreter (`interpret`) with its
  intents, phrase book (`phrases.toml`), quantities and edit steps.
- `renderer/`: draft -> render spec -> frames and audio -> encoded MP4/WebM/GIF.
- `edits`: pure edits of the draft (docs/draft.md); `config`, `faults`, `datalock`: the backend's
  configuration, fault injection and data-folder lock.
"""
