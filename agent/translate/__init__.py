"""The GUI translator: backend prose ("click Export") rewritten into chat text plus actions.

Public surface only; masking and splitting live in `prose`, tables in `tables`, the clause
rewrite in `rewrite` and the sentence policy in `translator`.
"""

from agent.translate.tables import GuiTables, load_gui_tables
from agent.translate.translator import Translation, Translator, translate

__all__ = ["GuiTables", "Translation", "Translator", "load_gui_tables", "translate"]
