"""The embedded local backend: the NemoVideo skill API on loopback, with real MP4 rendering.

Needs the `local` extra (starlette, uvicorn, av, opencv-python-headless, numpy, Pillow).
"""
