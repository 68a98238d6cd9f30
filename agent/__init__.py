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

__all__ = [
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
