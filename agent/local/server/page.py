"""The project page at the project link (`/workspace/claim?ct=...`): player, timeline, uploads.

Renders `prompts/page/project.html.j2` with HTML escaping in the session's language; the page
loads nothing from elsewhere (inline CSS, media from this server), and says so in its CSP.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from agent.local.server.backend import Backend
from agent.local.server.page_view import build_view
from agent.local.server.routes.render import job_output
from agent.local.server.routes.run import output_url
from agent.local.store.jobs import Completed
from agent.templates import Templates

__all__ = ["claim_page"]

_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; media-src 'self'"
    ),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
}


def _exports(backend: Backend, session_id: str) -> list[dict[str, Any]]:
    rows = []
    for job in backend.store.session_jobs(session_id):
        state = job.state
        if not isinstance(state, Completed):
            continue
        output = job_output(backend, job.render_id)
        rows.append(
            {
                "src": output_url("", job.output_key, job.render_id, output.extension),
                "format": output.format,
                "size": state.size_bytes,
                "duration": state.duration_s,
                "completed_ms": state.completed_ms,
                "width": state.width,
                "height": state.height,
            }
        )
    return rows


async def claim_page(request: Request) -> Response:
    """`GET /workspace/claim?ct=...`: the project page (404 page when the link is unknown)."""
    backend: Backend = request.app.state.backend
    templates = Templates(html=True)
    session_id = backend.store.claim_session(request.query_params.get("ct", ""))
    session = backend.store.session(session_id) if session_id else None
    if session is None:
        page = templates.render("page/expired.html", None, language="en")
        return HTMLResponse(page, status_code=404, headers=_HEADERS)
    meta = session.draft.get("m") or {}
    view = build_view(
        title=str(meta.get("title") or session.task_name),
        language=session.language,
        draft=session.draft,
        uploads=session.video_infos,
        exports=_exports(backend, session.session_id),
    )
    return HTMLResponse(templates.render("page/project.html", None, view=view), headers=_HEADERS)
