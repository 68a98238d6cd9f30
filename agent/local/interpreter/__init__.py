"""The local agent: a deterministic EN/ZH instruction interpreter that turns one message and the
current draft into a plan of tool steps and replies (pure; imports the renderer's framing rules and
the draft edits only)."""
