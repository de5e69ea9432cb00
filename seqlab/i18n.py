"""The course's user-interface strings in English, German, Japanese and Chinese.

``t(key, lang)`` looks a string up; every key exists in all four languages (a test checks it),
so a chapter can be translated without touching code. Chapter prose lives in ``book/<lang>/``.
"""
from __future__ import annotations

from . import LANGS

STRINGS: dict[str, dict[str, str]] = {
    "course_title": {
        "en": "Sequence Models: from RNNs to Transformers",
        "de": "Sequenzmodelle: von RNNs zu Transformern",
        "ja": "系列モデル：RNNからTransformerまで",
        "zh": "序列模型：从 RNN 到 Transformer",
    },
    "language_name": {"en": "English", "de": "Deutsch", "ja": "日本語", "zh": "中文"},
    "choose_language": {
        "en": "Choose your language",
        "de": "Sprache wählen",
        "ja": "言語を選んでください",
        "zh": "选择语言",
    },
    "show_solution": {
        "en": "Show the solution",
        "de": "Lösung anzeigen",
        "ja": "解答を表示",
        "zh": "显示答案",
    },
    "hide_solution": {
        "en": "Hide the solution",
        "de": "Lösung verbergen",
        "ja": "解答を隠す",
        "zh": "隐藏答案",
    },
    "epoch": {"en": "epoch", "de": "Epoche", "ja": "エポック", "zh": "轮次"},
    "loss": {"en": "training loss", "de": "Trainingsverlust", "ja": "訓練損失", "zh": "训练损失"},
    "accuracy": {
        "en": "test accuracy",
        "de": "Testgenauigkeit",
        "ja": "テスト精度",
        "zh": "测试准确率",
    },
    "steps_back": {
        "en": "k (steps back from the end)",
        "de": "k (Schritte vor dem Ende)",
        "ja": "k（末尾から遡るステップ数）",
        "zh": "k（距末尾的步数）",
    },
    "grad_norm": {
        "en": "‖∂L/∂x_(T−k)‖ (log scale)",
        "de": "‖∂L/∂x_(T−k)‖ (logarithmisch)",
        "ja": "‖∂L/∂x_(T−k)‖（対数目盛）",
        "zh": "‖∂L/∂x_(T−k)‖（对数刻度）",
    },
    "grad_title": {
        "en": "Gradient reaching the input k steps back",
        "de": "Gradient am Eingang k Schritte zurück",
        "ja": "k ステップ前の入力に届く勾配",
        "zh": "传回 k 步之前输入的梯度",
    },
}


def t(key: str, lang: str) -> str:
    """The string ``key`` in ``lang`` (one of en, de, ja, zh)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    if key not in STRINGS:
        raise ValueError(f"unknown UI string {key!r}; known: {', '.join(sorted(STRINGS))}")
    return STRINGS[key][lang]
