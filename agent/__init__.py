"""nemo-agent: the runtime for the NemoVideo image-to-video skill."""

from agent.errors import (
    AgentError,
    APIError,
    AuthError,
    ConfigError,
    JobFailedError,
    RenderError,
    StreamError,
    TransportError,
    UserInputError,
)

__version__ = "0.1.0"
DISTRIBUTION = "nemovideo-agent"
"""The name on PyPI (`pip install nemovideo-agent`); the command stays `nemo-agent`."""

__all__ = [
    "DISTRIBUTION",
    "APIError",
    "AgentError",
    "AuthError",
    "ConfigError",
    "JobFailedError",
    "RenderError",
    "StreamError",
    "TransportError",
    "UserInputError",
    "__version__",
]
