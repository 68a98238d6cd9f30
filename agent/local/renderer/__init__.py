"""The renderer: draft -> render spec -> composed frames and audio -> encoded file (PyAV, OpenCV,
numpy, Pillow; imported lazily). Imports nothing above it but the draft edits."""
