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
    "course_tagline": {
        "en": "Five chapters from the recurrent network to the Transformer: each model built from its "
              "equations, checked against PyTorch or TensorFlow, and trained on your laptop in minutes.",
        "de": "Fünf Kapitel vom rekurrenten Netz bis zum Transformer: jedes Modell aus seinen Gleichungen "
              "gebaut, gegen PyTorch oder TensorFlow geprüft und in Minuten auf dem Laptop trainiert.",
        "ja": "再帰型ネットワークから Transformer までの 5 章。各モデルを数式から組み立て、PyTorch または "
              "TensorFlow と照合し、ノート PC で数分で訓練します。",
        "zh": "从循环网络到 Transformer 的五章：每个模型都从公式出发搭建，与 PyTorch 或 TensorFlow "
              "对照验证，并在笔记本电脑上几分钟内训练完成。",
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
    "lag": {"en": "steps since the key", "de": "Schritte seit dem Schlüssel", "ja": "キーからのステップ数", "zh": "距键的步数"},
    "lag_title": {
        "en": "How long does each cell remember?",
        "de": "Wie lange erinnert sich jede Zelle?",
        "ja": "各セルはどれだけ長く覚えているか",
        "zh": "每种单元能记住多久？",
    },
    "source_length": {"en": "source length (tokens)", "de": "Länge des Quellsatzes (Token)", "ja": "入力文の長さ（トークン）", "zh": "源句长度（词元）"},
    "word_accuracy": {"en": "word accuracy", "de": "Wortgenauigkeit", "ja": "単語正解率", "zh": "词准确率"},
    "beam_width": {"en": "beam width", "de": "Strahlbreite", "ja": "ビーム幅", "zh": "束宽"},
    # Chapter 5: positional encodings, attention heads, timings.
    "position": {"en": "position", "de": "Position", "ja": "位置", "zh": "位置"},
    "dimension": {"en": "dimension", "de": "Dimension", "ja": "次元", "zh": "维度"},
    "head": {"en": "head {i}", "de": "Kopf {i}", "ja": "ヘッド {i}", "zh": "头 {i}"},
    "sequence_length": {"en": "sequence length (tokens)", "de": "Sequenzlänge (Token)", "ja": "系列長（トークン）", "zh": "序列长度（词元）"},
    "seconds_per_pass": {"en": "seconds per forward and backward pass", "de": "Sekunden pro Vorwärts- und Rückwärtsdurchlauf", "ja": "順伝播と逆伝播 1 回あたりの秒数", "zh": "每次前向和反向传播的秒数"},
    # The attention browser (seqlab.align).
    "sentence": {"en": "Sentence", "de": "Satz", "ja": "文", "zh": "句子"},
    "previous": {"en": "Previous sentence", "de": "Vorheriger Satz", "ja": "前の文", "zh": "上一句"},
    "next": {"en": "Next sentence", "de": "Nächster Satz", "ja": "次の文", "zh": "下一句"},
    "attention_weight": {"en": "attention weight", "de": "Aufmerksamkeitsgewicht", "ja": "注意の重み", "zh": "注意力权重"},
    "source_tokens": {"en": "source", "de": "Quelle", "ja": "入力", "zh": "源句"},
    "output_tokens": {"en": "output", "de": "Ausgabe", "ja": "出力", "zh": "输出"},
    # The quiz widget (seqlab.quiz). {score} and {total} are filled in by the widget.
    "quiz_title": {"en": "Quiz", "de": "Quiz", "ja": "クイズ", "zh": "测验"},
    "check": {"en": "Check", "de": "Prüfen", "ja": "答え合わせ", "zh": "检查"},
    "check_again": {"en": "Check again", "de": "Erneut prüfen", "ja": "もう一度答え合わせ", "zh": "再次检查"},
    "correct": {"en": "Correct!", "de": "Richtig!", "ja": "正解です！", "zh": "回答正确！"},
    "not_quite": {
        "en": "Not quite.",
        "de": "Noch nicht ganz.",
        "ja": "惜しい、不正解です。",
        "zh": "还不太对。",
    },
    "try_again": {"en": "Try again", "de": "Noch einmal", "ja": "やり直す", "zh": "重新作答"},
    "score": {
        "en": "Score: {score} / {total}",
        "de": "Punkte: {score} / {total}",
        "ja": "得点：{score} / {total}",
        "zh": "得分：{score} / {total}",
    },
    "reset": {"en": "Reset quiz", "de": "Quiz zurücksetzen", "ja": "クイズをリセット", "zh": "重置测验"},
    "move_up": {"en": "Move up", "de": "Nach oben", "ja": "上へ", "zh": "上移"},
    "move_down": {"en": "Move down", "de": "Nach unten", "ja": "下へ", "zh": "下移"},
    "too_high": {"en": "Too high.", "de": "Zu hoch.", "ja": "大きすぎます。", "zh": "太大了。"},
    "too_low": {"en": "Too low.", "de": "Zu niedrig.", "ja": "小さすぎます。", "zh": "太小了。"},
    "your_number": {"en": "Your answer", "de": "Antwort", "ja": "あなたの答え", "zh": "你的答案"},
    "explanation": {"en": "Why:", "de": "Warum:", "ja": "解説：", "zh": "解析："},
    "language_fallback": {
        "en": "This quiz is not translated yet and is shown in English.",
        "de": "Dieses Quiz ist noch nicht übersetzt und wird auf Englisch gezeigt.",
        "ja": "このクイズはまだ翻訳されていないため、英語で表示しています。",
        "zh": "本测验尚未翻译，暂以英文显示。",
    },
    # The book's page toolbar (assets/book/seqlab-book.js).
    "language": {"en": "Language", "de": "Sprache", "ja": "言語", "zh": "语言"},
    "framework": {"en": "Framework", "de": "Framework", "ja": "フレームワーク", "zh": "框架"},
    "open_colab": {"en": "Open in Colab", "de": "In Colab öffnen", "ja": "Colab で開く", "zh": "在 Colab 中打开"},
    "open_binder": {"en": "Binder", "de": "Binder", "ja": "Binder", "zh": "Binder"},
    "open_jupyterhub": {"en": "JupyterHub", "de": "JupyterHub", "ja": "JupyterHub", "zh": "JupyterHub"},
    "hub_prompt": {
        "en": "Address of your class's JupyterHub (asked once, remembered in this browser):",
        "de": "Adresse des JupyterHub für diesen Kurs (einmal gefragt, in diesem Browser gespeichert):",
        "ja": "授業で使う JupyterHub のアドレス（最初に一度だけ尋ね、このブラウザーに保存します）：",
        "zh": "课程所用 JupyterHub 的地址（只问一次，保存在此浏览器中）：",
    },
    "glossary": {"en": "Glossary", "de": "Glossar", "ja": "用語集", "zh": "术语表"},
    "glossary_terms": {
        "en": "Terms from this chapter in the glossary:",
        "de": "Begriffe aus diesem Kapitel im Glossar:",
        "ja": "この章の用語（用語集）：",
        "zh": "本章术语（见术语表）：",
    },
    "glossary_intro": {
        "en": "The course's terms, each with its name in the four languages of the course.",
        "de": "Die Begriffe des Kurses, jeweils mit ihrem Namen in den vier Sprachen des Kurses.",
        "ja": "本コースの用語と、コースの 4 言語での名称。",
        "zh": "本课程的术语及其在课程四种语言中的名称。",
    },
    "chapter_n": {"en": "Chapter {n}", "de": "Kapitel {n}", "ja": "第 {n} 章", "zh": "第 {n} 章"},
    "definition_in_english": {
        "en": "(definition in English)",
        "de": "(Definition noch nicht übersetzt)",
        "ja": "（定義は英語のみ）",
        "zh": "（定义暂为英文）",
    },
    # The benchmark page (seqlab.bench, `make bench`).
    "benchmarks": {"en": "Benchmarks", "de": "Messungen", "ja": "ベンチマーク", "zh": "基准测试"},
    "benchmarks_intro": {
        "en": "Every notebook run in full mode by `make bench` on {date}: {cpus} CPU cores, no GPU, {versions}.",
        "de": "Jedes Notebook im vollen Modus, ausgeführt von `make bench` am {date}: {cpus} CPU-Kerne, keine GPU, {versions}.",
        "ja": "`make bench` が {date} に全ノートブックをフルモードで実行した結果（CPU {cpus} コア、GPU なし、{versions}）。",
        "zh": "`make bench` 于 {date} 以完整模式运行全部笔记本的结果（{cpus} 个 CPU 核心，无 GPU，{versions}）。",
    },
    "bench_notebook": {"en": "Notebook", "de": "Notebook", "ja": "ノートブック", "zh": "笔记本"},
    "bench_seconds": {"en": "Time (s)", "de": "Zeit (s)", "ja": "時間（秒）", "zh": "时间（秒）"},
    "bench_headline": {"en": "Headline result", "de": "Hauptergebnis", "ja": "主な結果", "zh": "主要结果"},
    "bench_target": {"en": "Target", "de": "Ziel", "ja": "目標", "zh": "目标"},
}


def t(key: str, lang: str) -> str:
    """The string ``key`` in ``lang`` (one of en, de, ja, zh)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    if key not in STRINGS:
        raise ValueError(f"unknown UI string {key!r}; known: {', '.join(sorted(STRINGS))}")
    return STRINGS[key][lang]
