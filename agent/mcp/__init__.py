"""`nemo-agent mcp`: the MCP server front end (stdio), on the official `mcp` SDK (2.x).

Imported only by `nemo-agent mcp`; nothing else imports it. Every tool goes through the
background worker (`agent.worker.client.WorkerClient`), so a call returns within 50 s with the
result or `running` + `job_id`, and the job outlives the call.
"""
