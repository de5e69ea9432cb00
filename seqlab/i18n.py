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
        "zh": "序列模型：从RNN到Transformer",
    },
    "course_tagline": {
        "en": "Five chapters from the recurrent network to the Transformer: each model built from its "
              "equations, checked against PyTorch or TensorFlow, and trained on your laptop in minutes.",
        "de": "Fünf Kapitel vom rekurrenten Netz bis zum Transformer: jedes Modell aus seinen Gleichungen "
              "gebaut, gegen PyTorch oder TensorFlow geprüft und in Minuten auf dem Laptop trainiert.",
        "ja": "リカレントネットワークからTransformerまでの5章。各モデルを数式から組み立て、PyTorchまたは"
              "TensorFlowと照合し、手元のノートPCで数分のうちに学習させます。",
        "zh": "从循环神经网络到Transformer，共五章：每个模型都从公式出发搭建，与PyTorch或TensorFlow的"
              "实现对照验证，并在你的笔记本电脑上几分钟内训练完成。",
    },
    "language_name": {"en": "English", "de": "Deutsch", "ja": "日本語", "zh": "中文"},
    # Sphinx's catalogs translate this message as "" in German and Japanese: the search page would
    # say nothing when it has finished (seqlab.sphinx_ext fills it in)
    "search_finished": {
        "en": "Search finished, found ${resultCount} page(s) matching the search query.",
        "de": "Suche beendet: ${resultCount} Seite(n) passen zur Suchanfrage.",
        "ja": "検索が終わりました。検索語に一致するページが${resultCount}件見つかりました。",
        "zh": "搜索完成，找到${resultCount}个与搜索词匹配的页面。",
    },
    "search_placeholder": {"en": "Search this book…", "de": "In diesem Buch suchen …", "ja": "この本を検索…",
                           "zh": "搜索本书…"},
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
    # self-checking exercises (seqlab.exercises): the book's note, the exercise notebooks' head
    "exercise_where": {
        "en": "▶ This check runs in the notebook: open it with a button at the top of the page (Colab, Binder, "
              "JupyterHub) or download it. The check needs no network.",
        "de": "▶ Diese Prüfung läuft im Notebook: Öffnen Sie es mit einer Schaltfläche oben auf der Seite (Colab, Binder, "
              "JupyterHub) oder laden Sie es herunter. Die Prüfung braucht keine Internetverbindung.",
        "ja": "▶ このチェックはノートブックで実行します。ページ上部のボタン（Colab、Binder、JupyterHub）でノートブックを開くか、"
              "ダウンロードしてください。ネットワーク接続は不要です。",
        "zh": "▶ 这个检查要在笔记本里运行：用页面顶部的按钮（Colab、Binder、JupyterHub）打开笔记本，或者把它下载下来。"
              "检查不需要联网。",
    },
    "instr_exercise_list": {"en": "Exercises that check themselves", "de": "Übungen, die sich selbst prüfen",
                            "ja": "自動で答え合わせできる演習", "zh": "自动检查的练习"},
    "exercises_title": {"en": "Exercises: {title}", "de": "Übungen: {title}", "ja": "演習：{title}",
                        "zh": "练习：{title}"},
    "exercises_intro": {
        "en": "Write each function into the cell that holds its empty version, run that cell, then run the check "
              "below it. The check tries your function on several cases and says what went wrong, with a hint; "
              "it needs no network. The exercises refer to the chapter's text: keep it open beside this notebook.",
        "de": "Schreiben Sie jede Funktion in die Zelle, die ihre leere Fassung enthält, führen Sie diese Zelle aus "
              "und dann die Prüfung darunter. Die Prüfung probiert Ihre Funktion an mehreren Fällen aus und sagt "
              "mit einem Hinweis, was nicht stimmt; sie braucht keine Internetverbindung. Die Übungen beziehen sich auf den Text des Kapitels: Halten Sie ihn neben diesem Notebook offen.",
        "ja": "各関数を、空の関数が用意されたセルに書き込み、そのセルを実行してから、すぐ下のチェックを実行してください。"
              "チェックは関数をいくつかのケースで試し、どこが違うかをヒントとともに示します。ネットワーク接続は不要です。"
              "演習は章の本文を参照するので、本文をこのノートブックの横に開いておいてください。",
        "zh": "把每个函数写进它的空函数所在的单元格，运行该单元格，再运行它下面的检查。检查会用若干用例测试你的函数，"
              "指出哪里出了错并给出提示；它不需要联网。练习要参照本章正文，请在这个笔记本旁边打开正文。",
    },
    "hide_solution": {
        "en": "Hide the solution",
        "de": "Lösung verbergen",
        "ja": "解答を隠す",
        "zh": "隐藏答案",
    },
    "epoch": {"en": "epoch", "de": "Epoche", "ja": "エポック", "zh": "轮次"},
    "loss": {"en": "training loss", "de": "Trainingsverlust", "ja": "学習損失", "zh": "训练损失"},
    "accuracy": {
        "en": "test accuracy",
        "de": "Testgenauigkeit",
        "ja": "テスト精度",
        "zh": "测试准确率",
    },
    "distance": {
        "en": "distance from the key to the query (tokens)",
        "de": "Abstand vom Schlüssel zur Abfrage (Token)",
        "ja": "キーからクエリまでの距離（トークン）",
        "zh": "键到查询的距离（词元）",
    },
    "steps_back": {
        "en": "k (steps back from the end)",
        "de": "k (Schritte vor dem Ende)",
        "ja": "k（末尾から遡るステップ数）",
        "zh": "k（距末尾的时间步数）",
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
        "ja": "kステップ前の入力に届く勾配",
        "zh": "传回到k个时间步之前输入处的梯度",
    },
    "lag": {"en": "steps since the key", "de": "Schritte seit dem Schlüssel", "ja": "キーからのステップ数", "zh": "距键的时间步数"},
    "lag_title": {
        "en": "How long does each cell remember?",
        "de": "Wie lange erinnert sich jede Zelle?",
        "ja": "各セルはどれだけ長く覚えているか",
        "zh": "每种单元能记住多久？",
    },
    "source_length": {"en": "source length (tokens)", "de": "Länge des Quellsatzes (Token)", "ja": "原文の長さ（トークン）", "zh": "源句长度（词元）"},
    "word_accuracy": {"en": "word accuracy", "de": "Wortgenauigkeit", "ja": "単語正解率", "zh": "词准确率"},
    "beam_width": {"en": "beam width", "de": "Strahlbreite", "ja": "ビーム幅", "zh": "束宽"},
    # Chapter 5: positional encodings, attention heads, timings.
    "position": {"en": "position", "de": "Position", "ja": "位置", "zh": "位置"},
    "dimension": {"en": "dimension", "de": "Dimension", "ja": "次元", "zh": "维度"},
    "head": {"en": "head {i}", "de": "Kopf {i}", "ja": "ヘッド{i}", "zh": "头{i}"},
    # Legend labels: a chapter names its lines in English, seqlab.plot shows them in LANG.
    "legend_source_as_written": {"en": "source as written", "de": "Quelle in geschriebener Reihenfolge",
                                 "ja": "原文（書かれた順）", "zh": "源句（原顺序）"},
    "legend_source_reversed": {"en": "source reversed", "de": "Quelle umgekehrt", "ja": "原文（逆順）", "zh": "源句（倒序）"},
    "legend_no_attention": {"en": "no attention", "de": "ohne Attention", "ja": "アテンションなし", "zh": "无注意力"},
    "legend_additive": {"en": "additive attention", "de": "additive Attention", "ja": "加法アテンション",
                        "zh": "加性注意力"},
    "legend_multiplicative": {"en": "multiplicative attention", "de": "multiplikative Attention",
                              "ja": "乗法アテンション", "zh": "乘性注意力"},
    "legend_lstm_attention": {"en": "LSTM with attention", "de": "LSTM mit Attention", "ja": "アテンション付きLSTM",
                              "zh": "带注意力的LSTM"},
    "legend_lstm_layer": {"en": "LSTM layer", "de": "LSTM-Schicht", "ja": "LSTM層", "zh": "LSTM层"},
    "legend_encoder_block": {"en": "Transformer encoder block", "de": "Transformer-Encoderblock",
                             "ja": "Transformerエンコーダーブロック", "zh": "Transformer编码器块"},
    "sequence_length": {"en": "sequence length (tokens)", "de": "Folgenlänge (Token)", "ja": "系列長（トークン）", "zh": "序列长度（词元）"},
    "seconds_per_pass": {"en": "seconds per forward and backward pass", "de": "Sekunden pro Vorwärts- und Rückwärtsdurchlauf", "ja": "順伝播と逆伝播1回あたりの秒数", "zh": "每次前向和反向传播的秒数"},
    # Alt texts of the plots (seqlab.plot.describe).
    "alt_chart": {"en": "Chart of {y} against {x}.", "de": "Diagramm: {y} über {x}.",
                  "ja": "{x}に対する{y}のグラフ。", "zh": "{y}随{x}变化的图。"},
    "alt_series": {"en": "Lines: {labels}.", "de": "Linien: {labels}.", "ja": "線：{labels}。", "zh": "曲线：{labels}。"},
    "alt_heatmap": {"en": "Heatmap: {y} down, {x} across.", "de": "Heatmap: {y} nach unten, {x} nach rechts.",
                    "ja": "ヒートマップ：縦が{y}、横が{x}。", "zh": "热力图：纵轴为{y}，横轴为{x}。"},
    "alt_tokens": {"en": "Rows: {rows}. Columns: {columns}.", "de": "Zeilen: {rows}. Spalten: {columns}.",
                   "ja": "行：{rows}。列：{columns}。", "zh": "行：{rows}。列：{columns}。"},
    # The attention browser (seqlab.align).
    "sentence": {"en": "Sentence", "de": "Satz", "ja": "文", "zh": "句子"},
    "previous": {"en": "Previous sentence", "de": "Vorheriger Satz", "ja": "前の文", "zh": "上一句"},
    "next": {"en": "Next sentence", "de": "Nächster Satz", "ja": "次の文", "zh": "下一句"},
    "attention_weight": {"en": "attention weight", "de": "Attention-Gewicht", "ja": "アテンションの重み", "zh": "注意力权重"},
    "align_plain": {
        "en": "Attention weights of {n} sentences. Run this cell to browse them.",
        "de": "Attention-Gewichte von {n} Sätzen. Führen Sie diese Zelle aus, um sie zu durchsuchen.",
        "ja": "{n}文のアテンションの重みです。このセルを実行すると閲覧できます。",
        "zh": "{n}个句子的注意力权重。运行此单元格即可浏览。",
    },
    "align_hint": {
        "en": "Tap or focus a cell to read its weight.",
        "de": "Tippen Sie auf eine Zelle oder fokussieren Sie sie, um ihr Gewicht zu lesen.",
        "ja": "セルをタップするかフォーカスすると重みを表示します。",
        "zh": "点按或聚焦某个单元格即可查看其权重。",
    },
    "source_tokens": {"en": "source", "de": "Quelle", "ja": "原文", "zh": "源句"},
    "output_tokens": {"en": "output", "de": "Ausgabe", "ja": "出力", "zh": "输出"},
    # The quiz widget (seqlab.quiz). {score} and {total} are filled in by the widget.
    "quiz_title": {"en": "Quiz", "de": "Quiz", "ja": "クイズ", "zh": "测验"},
    "check": {"en": "Check", "de": "Prüfen", "ja": "答え合わせ", "zh": "核对答案"},
    "check_again": {"en": "Check again", "de": "Erneut prüfen", "ja": "もう一度答え合わせ", "zh": "重新核对"},
    "correct": {"en": "Correct!", "de": "Richtig!", "ja": "正解です！", "zh": "回答正确！"},
    "not_quite": {
        "en": "Not quite.",
        "de": "Noch nicht ganz.",
        "ja": "残念、不正解です。",
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
    "reset_confirm": {
        "en": "Clear all your answers to this quiz?",
        "de": "Alle Antworten in diesem Quiz löschen?",
        "ja": "このクイズの解答をすべて消去しますか？",
        "zh": "要清除本测验的所有答案吗？",
    },
    "reset_yes": {"en": "Yes, clear them", "de": "Ja, löschen", "ja": "消去する", "zh": "是，清除"},
    "reset_no": {"en": "Keep them", "de": "Behalten", "ja": "残す", "zh": "保留"},
    "quiz_plain": {
        "en": "Quiz: {n} questions. Run this cell to take it.",
        "de": "Quiz: {n} Fragen. Führen Sie diese Zelle aus, um es zu bearbeiten.",
        "ja": "クイズ：全{n}問。このセルを実行すると解答できます。",
        "zh": "测验：共{n}题。运行此单元格即可作答。",
    },
    "move_up": {"en": "Move up", "de": "Nach oben", "ja": "上へ", "zh": "上移"},
    "move_down": {"en": "Move down", "de": "Nach unten", "ja": "下へ", "zh": "下移"},
    "too_high": {"en": "Too high.", "de": "Zu hoch.", "ja": "大きすぎます。", "zh": "太大了。"},
    "too_low": {"en": "Too low.", "de": "Zu niedrig.", "ja": "小さすぎます。", "zh": "太小了。"},
    "your_number": {"en": "Your answer", "de": "Antwort", "ja": "あなたの答え", "zh": "你的答案"},
    "number_hint": {
        "en": "A number, e.g. 6208, 6,208 or 0.25",
        "de": "Eine Zahl, z. B. 6208, 6.208 oder 0,25",
        "ja": "数値（例：6208、6,208、0.25）",
        "zh": "数字，例如6208、6,208或0.25",
    },
    "not_a_number": {
        "en": "That is not a number: write it like 6208, 6,208 or 0.25.",
        "de": "Das ist keine Zahl: schreiben Sie sie wie 6208, 6.208 oder 0,25.",
        "ja": "数値として読み取れません。6208、6,208、0.25のように入力してください。",
        "zh": "无法识别为数字，请按6208、6,208或0.25的形式输入。",
    },
    "explanation": {"en": "Why:", "de": "Warum:", "ja": "解説：", "zh": "解析："},
    "language_fallback": {
        "en": "This quiz is not translated yet and is shown in English.",
        "de": "Dieses Quiz ist noch nicht übersetzt und wird auf Englisch gezeigt.",
        "ja": "このクイズはまだ翻訳されていないため、英語で表示しています。",
        "zh": "本测验尚未翻译，暂以英文显示。",
    },
    # The notebooks' first cell (seqlab.env.check).
    "env_comment": {
        "en": "a library too old? this says which, and how to fix it",
        "de": "eine Bibliothek zu alt? Das sagt, welche, und wie es sich beheben lässt",
        "ja": "ライブラリが古すぎる場合は、どれが古いかと直し方を表示します",
        "zh": "若某个库版本过旧，这里会指出是哪一个以及如何修复",
    },
    "env_colab": {
        "en": "on Colab only: install the course helpers",
        "de": "nur in Colab: die Hilfsmittel des Kurses installieren",
        "ja": "Colabの場合のみ：コースの補助パッケージをインストール",
        "zh": "仅在Colab上：安装课程的辅助包",
    },
    "env_or_newer": {"en": "{version} or newer", "de": "{version} oder neuer", "ja": "{version}以降", "zh": "{version}或更高版本"},
    "env_too_old": {
        "en": "This notebook needs {name} {need}, but {name} {have} is installed.",
        "de": "Dieses Notebook braucht {name} {need}, installiert ist aber {name} {have}.",
        "ja": "このノートブックには{name} {need}が必要ですが、インストールされているのは{name} {have}です。",
        "zh": "本笔记本需要{name} {need}，但当前安装的是{name} {have}。",
    },
    "env_missing": {
        "en": "This notebook needs {name} {need}, which is not installed.",
        "de": "Dieses Notebook braucht {name} {need}, das nicht installiert ist.",
        "ja": "このノートブックには{name} {need}が必要ですが、インストールされていません。",
        "zh": "本笔记本需要{name} {need}，但尚未安装。",
    },
    "env_fix": {
        "en": "To fix it, run this line in a new cell, then restart the kernel (on Colab: Runtime → Restart "
              "session) and run the notebook again from the top:",
        "de": "Führen Sie dazu diese Zeile in einer neuen Zelle aus, starten Sie dann den Kernel neu (in Colab: "
              "Laufzeit → Sitzung neu starten) und führen Sie das Notebook erneut von oben aus:",
        "ja": "新しいセルで次の行を実行し、カーネルを再起動してから（Colabでは「ランタイム」→「セッションを再起動」）、"
              "ノートブックを最初から実行し直してください。",
        "zh": "请在新的单元格中运行下面这一行，然后重启内核（在Colab中：“代码执行程序”→“重启会话”），"
              "再从头运行本笔记本：",
    },
    # The book's page toolbar (assets/book/seqlab-book.js).
    "language": {"en": "Language", "de": "Sprache", "ja": "言語", "zh": "语言"},
    "framework": {"en": "Framework", "de": "Framework", "ja": "フレームワーク", "zh": "框架"},
    "open_colab": {"en": "Open in Colab", "de": "In Colab öffnen", "ja": "Colabで開く", "zh": "在Colab中打开"},
    "open_binder": {"en": "Binder", "de": "Binder", "ja": "Binder", "zh": "Binder"},
    "open_jupyterhub": {"en": "JupyterHub", "de": "JupyterHub", "ja": "JupyterHub", "zh": "JupyterHub"},
    "hub_prompt": {
        "en": "Address of your class's JupyterHub (asked once, remembered in this browser):",
        "de": "Adresse des JupyterHub für diesen Kurs (einmal gefragt, in diesem Browser gespeichert):",
        "ja": "授業で使うJupyterHubのアドレス（最初に一度だけ尋ね、このブラウザーに保存します）：",
        "zh": "课程所用JupyterHub的地址（只询问一次，并保存在此浏览器中）：",
    },
    "footer_authors": {
        "en": "Written by the authors of the Sequence Models course",
        "de": "Geschrieben von den Autorinnen und Autoren des Kurses „Sequenzmodelle“",
        "ja": "「系列モデル」コースの執筆者一同",
        "zh": "《序列模型》课程编写组",
    },
    "download_notebook": {
        "en": "{framework} notebook (.ipynb)",
        "de": "{framework}-Notebook (.ipynb)",
        "ja": "{framework}のノートブック（.ipynb）",
        "zh": "{framework}笔记本（.ipynb）",
    },
    "widget_missing": {
        "en": "This widget appears when you run the notebook.",
        "de": "Dieses Element erscheint, wenn Sie das Notebook ausführen.",
        "ja": "このウィジェットは、ノートブックを実行すると表示されます。",
        "zh": "运行笔记本后即可看到此组件。",
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
        "ja": "本コースの用語を、コースで使う4言語での名称とともに示します。",
        "zh": "本课程的术语，以及每个术语在课程所用四种语言中的名称。",
    },
    "chapter_n": {"en": "Chapter {n}", "de": "Kapitel {n}", "ja": "第{n}章", "zh": "第{n}章"},
    "definition_in_english": {
        "en": "(definition in English)",
        "de": "(Definition noch nicht übersetzt)",
        "ja": "（定義は英語のみ）",
        "zh": "（定义暂为英文）",
    },
    # The instructors' page (seqlab.authoring.instructor).
    "instructors": {"en": "For instructors", "de": "Für Lehrende", "ja": "講師の方へ", "zh": "教师指南"},
    "instr_intro": {
        "en": "For teaching with this course: for each chapter, the objectives it opens with, the quiz questions "
              "that test each objective, and how long its notebooks take to run; first, how to hand out the "
              "exercises. Questions are numbered as the quiz shows them, followed by their id in the question bank.",
        "de": "Für den Unterricht mit diesem Kurs: zu jedem Kapitel die Lernziele, mit denen es beginnt, die "
              "Quizfragen, die jedes Lernziel prüfen, und wie lange seine Notebooks laufen; vorab, wie Sie die "
              "Übungen austeilen. Die Fragen sind nummeriert wie im Quiz, dahinter steht ihre ID im Fragenkatalog.",
        "ja": "このコースで教える方のためのページです。各章について、冒頭に掲げた学習目標、それぞれの目標を確かめるクイズの問題、"
              "ノートブックの実行時間をまとめます。まず、演習の配り方を説明します。問題の番号はクイズに表示される番号で、"
              "括弧内は問題バンクでのIDです。",
        "zh": "本页面向使用本课程授课的教师：列出每章开头的学习目标、检验各个目标的测验题，以及各章笔记本的运行时间；"
              "首先说明如何分发练习。题号与测验中显示的编号一致，括号内是题目在题库中的ID。",
    },
    "instr_times_intro": {
        "en": "Run times were measured by `make bench` on {date} ({cpus} CPU cores, no GPU), each from the kernel's "
              "start: full mode is what learners run, quick mode what CI runs. More measurements: {benchmarks}.",
        "de": "Die Laufzeiten hat `make bench` am {date} gemessen ({cpus} CPU-Kerne, keine GPU), jeweils ab dem Start "
              "des Kernels: Den vollen Modus führen die Lernenden aus, den Schnellmodus die CI. Weitere Messungen: "
              "{benchmarks}.",
        "ja": "実行時間は`make bench`が{date}に測定したもので（CPU {cpus}コア、GPUなし）、いずれもカーネルの起動から計っています。"
              "フルモードは学習者が実行するもの、クイックモードはCIが実行するものです。ほかの測定結果は{benchmarks}にあります。",
        "zh": "运行时间由`make bench`于{date}测得（{cpus}个CPU核心，无GPU），每次都从内核启动开始计时：完整模式是学习者"
              "运行的模式，快速模式是CI运行的模式。更多测量结果见{benchmarks}。",
    },
    "instr_exercises": {"en": "Handing out the exercises", "de": "Die Übungen austeilen", "ja": "演習の配り方",
                        "zh": "分发练习"},
    "instr_step_make": {
        "en": "Run `make exercises` in a copy of the course's repository. It writes the notebooks for your students "
              "into `{folder}`, one per chapter and framework (`{example}`, …): the solutions removed, the stubs to "
              "fill in and the checks kept.",
        "de": "Führen Sie in einer Kopie des Kurs-Repositorys `make exercises` aus. Das schreibt die Notebooks für Ihre "
              "Lernenden nach `{folder}`, eines je Kapitel und Framework (`{example}`, …): ohne die Lösungen, mit den "
              "Codegerüsten zum Ausfüllen und den Prüfungen.",
        "ja": "コースのリポジトリを手元に用意し、`make exercises`を実行します。学習者向けのノートブックが、章とフレームワークごとに"
              "1つずつ`{folder}`に書き出されます（`{example}`など）。解答は取り除かれ、書き込むための空欄（スタブ）と答え合わせの"
              "チェックは残ります。",
        "zh": "在课程仓库的副本中运行`make exercises`。它会把供学生使用的笔记本写入`{folder}`，每章每个框架各一个（如"
              "`{example}`）：去掉了参考答案，保留了待填写的代码框架和自动检查。",
    },
    "instr_step_repo": {
        "en": "Put the contents of `{folder}` into a repository (or a branch) that your students can read.",
        "de": "Legen Sie den Inhalt von `{folder}` in ein Repository (oder einen Branch), auf das Ihre Lernenden "
              "Lesezugriff haben.",
        "ja": "`{folder}`の中身を、学習者が読めるリポジトリ（またはブランチ）に置きます。",
        "zh": "把`{folder}`中的内容放进学生有读取权限的仓库（或分支）。",
    },
    "instr_step_link": {
        "en": "Give your students an nbgitpuller link. On the JupyterHub it copies the repository into the student's "
              "home folder and opens the notebook; a later click pulls your changes and keeps the student's own.",
        "de": "Geben Sie Ihren Lernenden einen nbgitpuller-Link. Auf dem JupyterHub kopiert er das Repository in ihren "
              "Home-Ordner und öffnet das Notebook; ein späterer Klick holt Ihre Änderungen und behält ihre eigenen.",
        "ja": "学習者にnbgitpullerのリンクを配ります。JupyterHub上でリンクを開くと、リポジトリが学習者のホームフォルダーに"
              "コピーされ、ノートブックが開きます。あとでもう一度開くと、学習者自身の変更を残したまま、その後の更新を取り込みます。",
        "zh": "把nbgitpuller链接发给学生。在JupyterHub上打开链接时，它会把仓库复制到学生的主目录并打开笔记本；之后再次打开时，"
              "会拉取你后来的更新，同时保留学生自己的改动。",
    },
    "instr_link_form": {
        "en": "The link has this form. `repo` is the repository's address, `branch` its branch, and `urlpath` what "
              "JupyterLab opens: it starts with the folder the repository is cloned into, which is named after the "
              "repository (nbgitpuller's `targetPath` chooses another). In the link itself every value is URL-encoded, "
              "as nbgitpuller's link generator writes it:",
        "de": "Der Link hat diese Form. `repo` ist die Adresse des Repositorys, `branch` sein Branch und `urlpath` das, "
              "was JupyterLab öffnet: Der Pfad beginnt mit dem Ordner, in den das Repository geklont wird und der nach "
              "ihm benannt ist (nbgitpullers Parameter `targetPath` wählt einen anderen). Im Link selbst ist jeder Wert "
              "URL-kodiert, so wie ihn nbgitpullers Linkgenerator schreibt:",
        "ja": "リンクは次の形です。`repo`はリポジトリのアドレス、`branch`はそのブランチ、`urlpath`はJupyterLabで開くものです。"
              "`urlpath`は、リポジトリのクローン先のフォルダー（リポジトリと同じ名前。nbgitpullerの`targetPath`で変えられます）"
              "から始まります。実際のリンクでは、nbgitpullerのリンク生成ツールと同じく、各値をURLエンコードします。",
        "zh": "链接的格式如下。`repo`是仓库的地址，`branch`是分支，`urlpath`是JupyterLab要打开的路径：它以仓库被克隆到的"
              "文件夹开头，该文件夹与仓库同名（nbgitpuller的`targetPath`参数可另选）。在实际链接中，每个值都要像"
              "nbgitpuller的链接生成器那样进行URL编码：",
    },
    "instr_hub_set": {
        "en": "The hub is the one set in `_config.yml` (`course_launch.jupyterhub_url`): `{hub}`.",
        "de": "Der Hub ist der in `_config.yml` eingetragene (`course_launch.jupyterhub_url`): `{hub}`.",
        "ja": "ハブには、`_config.yml`の`course_launch.jupyterhub_url`で設定した`{hub}`を使っています。",
        "zh": "这里使用的是`_config.yml`中设置的JupyterHub（`course_launch.jupyterhub_url`）：`{hub}`。",
    },
    "instr_hub_unset": {
        "en": "No hub is configured for this book (`course_launch.jupyterhub_url` in `_config.yml` is empty): "
              "replace `{placeholder}` with your hub's address, or set it there and rebuild the book.",
        "de": "Für dieses Buch ist kein Hub eingetragen (`course_launch.jupyterhub_url` in `_config.yml` ist leer): "
              "Ersetzen Sie `{placeholder}` durch die Adresse Ihres Hubs, oder tragen Sie sie dort ein und bauen Sie "
              "das Buch neu.",
        "ja": "この本にはハブが設定されていません（`_config.yml`の`course_launch.jupyterhub_url`が空です）。`{placeholder}`を"
              "お使いのハブのアドレスに置き換えるか、そこに設定して本をビルドし直してください。",
        "zh": "本书尚未配置JupyterHub（`_config.yml`中的`course_launch.jupyterhub_url`为空）：请把`{placeholder}`换成你的"
              "JupyterHub地址，或在该处填写后重新构建本书。",
    },
    "instr_link_example": {
        "en": "For example, for `{notebook}` (chapter 1, PyTorch) in a repository `{repo}` on GitHub, branch "
              "`{branch}` (a made-up name; use your own):",
        "de": "Zum Beispiel für `{notebook}` (Kapitel 1, PyTorch) in einem Repository `{repo}` auf GitHub, Branch "
              "`{branch}` (ein erfundener Name; setzen Sie Ihren eigenen ein):",
        "ja": "たとえば、GitHubのリポジトリ`{repo}`（架空の名前です。ご自身のものに置き換えてください）のブランチ`{branch}`に"
              "ある`{notebook}`（第1章、PyTorch版）なら、次のとおりです。",
        "zh": "例如，GitHub仓库`{repo}`（虚构的名称，请换成你自己的）中`{branch}`分支上的`{notebook}`（第1章，PyTorch版）：",
    },
    "instr_offline": {
        "en": "The checks in the exercises need no network: they ship inside the `seqlab` package that the notebooks "
              "install (on Colab their first cell installs it; a hub image built from the repository's `binder/` "
              "folder has it).",
        "de": "Die Prüfungen in den Übungen brauchen keine Internetverbindung, denn sie stecken im Paket `seqlab`, das die Notebooks "
              "installieren (auf Colab installiert es ihre erste Zelle; ein Hub-Image, das aus dem Ordner `binder/` "
              "des Repositorys gebaut ist, enthält es).",
        "ja": "演習のチェックにネットワーク接続は要りません。チェックは、ノートブックがインストールする`seqlab`パッケージに"
              "含まれているからです（Colabではノートブックの最初のセルがインストールし、リポジトリの`binder/`フォルダーから"
              "ビルドしたハブのイメージには最初から入っています）。",
        "zh": "练习中的检查无需联网：它们包含在笔记本所安装的`seqlab`包中（在Colab上由笔记本的第一个单元安装；用仓库的"
              "`binder/`文件夹构建的JupyterHub镜像已预装）。",
    },
    "instr_solutions": {
        "en": "The full notebooks, with the solutions and their outputs, are in [`{folder}`]({url}) in the course's "
              "repository.",
        "de": "Die vollständigen Notebooks mit den Lösungen und ihren Ausgaben liegen im Repository des Kurses unter "
              "[`{folder}`]({url}).",
        "ja": "解答と出力を含む完全版のノートブックは、コースのリポジトリの[`{folder}`]({url})にあります。",
        "zh": "包含参考答案及其输出的完整笔记本位于课程仓库的[`{folder}`]({url})中。",
    },
    "instr_chapter_line": {
        "en": "Chapter page: {link}. Its quiz, `{bank}`, has {n} questions.",
        "de": "Kapitelseite: {link}. Sein Quiz, `{bank}`, hat {n} Fragen.",
        "ja": "章のページ：{link}。クイズ（`{bank}`）は{n}問です。",
        "zh": "章节页面：{link}。本章测验（`{bank}`）共{n}题。",
    },
    "instr_objectives": {"en": "Objectives and the questions that test them", "de": "Lernziele und die Fragen, die sie prüfen",
                         "ja": "学習目標と、それを確かめる問題", "zh": "学习目标及检验它们的测验题"},
    "instr_questions": {"en": "Quiz questions:", "de": "Quizfragen:", "ja": "クイズの問題：", "zh": "测验题："},
    # a question's number stays on the line of its id: a no-break space, in CJK a word joiner
    "instr_question_ref": {"en": "{n}\u00a0(`{id}`)", "de": "{n}\u00a0(`{id}`)", "ja": "{n}\u2060（`{id}`）",
                           "zh": "{n}\u2060（`{id}`）"},
    "instr_not_covered": {"en": "Not covered by the quiz.", "de": "Vom Quiz nicht abgedeckt.",
                          "ja": "クイズでは扱っていません。", "zh": "测验未涉及这一目标。"},
    "instr_times": {"en": "Run time of the notebooks", "de": "Laufzeit der Notebooks", "ja": "ノートブックの実行時間",
                    "zh": "笔记本运行时间"},
    # Claims (seqlab.claim): a result the text relies on, checked on the stored run.
    "claim_holds": {"en": "✓ Holds:", "de": "✓ Trifft zu:", "ja": "✓ 成立：", "zh": "✓ 成立："},
    "claim_fails": {"en": "✗ Does not hold:", "de": "✗ Trifft nicht zu:", "ja": "✗ 不成立：", "zh": "✗ 不成立："},
    "claim_quick": {"en": "(not checked in quick mode)", "de": "(im Schnellmodus nicht geprüft)",
                    "ja": "（クイックモードでは検証しません）", "zh": "（快速模式下不检验）"},
    "claim_value": {"en": "measured:", "de": "gemessen:", "ja": "測定値：", "zh": "实测："},
    "claims_title": {"en": "What the chapters claim, checked on the stored runs",
                     "de": "Was die Kapitel behaupten, geprüft an den gespeicherten Läufen",
                     "ja": "各章の主張と、保存された実行結果による検証",
                     "zh": "各章结论：在已保存的运行结果上检验"},
    "claims_intro": {
        "en": "Each result the text relies on is stated in its notebook as a check (`seqlab.claim`); `make test` "
              "fails when one of them does not hold in the committed full-mode run.",
        "de": "Jedes Ergebnis, auf das sich der Text stützt, steht im Notebook als Prüfung (`seqlab.claim`); "
              "`make test` schlägt fehl, wenn eine davon im gespeicherten Lauf im vollen Modus nicht zutrifft.",
        "ja": "本文が依拠する結果はそれぞれノートブック内で検証（`seqlab.claim`）として記述されており、保存された"
              "フルモードの実行で一つでも成立しなければ`make test`が失敗します。",
        "zh": "正文所依据的每个结果都在笔记本中写成一项检验（`seqlab.claim`）；若已保存的完整模式运行中有一项不成立，"
              "`make test`即失败。",
    },
    "claim": {"en": "Claim", "de": "Behauptung", "ja": "主張", "zh": "结论"},
    # The benchmark page (seqlab.bench, `make bench`).
    "benchmarks": {"en": "Benchmarks", "de": "Messungen", "ja": "ベンチマーク", "zh": "基准测试"},
    "benchmarks_intro": {
        "en": "Every notebook run by `make bench` on {date}, in full mode (what learners run) and in quick mode (what CI "
              "runs), each time from the kernel's start: {cpus} CPU cores, no GPU, {versions}. In brackets: the budget.",
        "de": "Jedes Notebook, ausgeführt von `make bench` am {date}, im vollen Modus (den Lernende ausführen) und im "
              "Schnellmodus (den die CI ausführt), jeweils ab dem Start des Kernels: {cpus} CPU-Kerne, keine GPU, "
              "{versions}. In Klammern: das Zeitbudget.",
        "ja": "`make bench`が{date}に全ノートブックを、フルモード（学習者が実行するもの）とクイックモード（CIが実行するもの）で、"
              "それぞれカーネルの起動から実行した結果（CPU {cpus}コア、GPUなし、{versions}）。括弧内は時間の予算。",
        "zh": "`make bench`于{date}以完整模式（学习者运行的模式）和快速模式（CI运行的模式）运行全部笔记本的结果，"
              "每次都从内核启动开始计时（{cpus}个CPU核心，无GPU，{versions}）。括号内为时间预算。",
    },
    "bench_notebook": {"en": "Notebook", "de": "Notebook", "ja": "ノートブック", "zh": "笔记本"},
    "bench_seconds": {"en": "Full mode (s)", "de": "Voller Modus (s)", "ja": "フルモード（秒）", "zh": "完整模式（秒）"},
    "bench_quick": {"en": "Quick mode (s)", "de": "Schnellmodus (s)", "ja": "クイックモード（秒）", "zh": "快速模式（秒）"},
    "bench_headline": {"en": "Headline result", "de": "Hauptergebnis", "ja": "主な結果", "zh": "主要结果"},
    "bench_pages_title": {"en": "Chapter pages on a slow line", "de": "Kapitelseiten über eine langsame Leitung",
                          "ja": "低速回線での章ページ", "zh": "慢速网络下的章节页面"},
    "bench_pages_intro": {
        "en": "Every chapter page, opened with an empty cache in Chromium on an emulated line of {mbit} Mbit/s with "
              "{latency} ms latency, served as a static host serves it (gzip), on {date}. Target: the first "
              "content appears within {target:g} s.",
        "de": "Jede Kapitelseite, mit leerem Cache in Chromium über eine simulierte Leitung mit {mbit} Mbit/s und "
              "{latency} ms Latenz geöffnet, ausgeliefert wie von einem statischen Host (gzip), am {date}. Ziel: "
              "Der erste Inhalt erscheint nach höchstens {target:g} s.",
        "ja": "{date}に、各章のページを空のキャッシュのChromiumで、{mbit} Mbit/s・遅延{latency} msの回線を模擬して"
              "開いた結果（静的ホストと同じくgzipで配信）。目標：最初の内容が{target:g}秒以内に表示されること。",
        "zh": "{date}在Chromium中以空缓存打开每个章节页面的结果：模拟带宽{mbit} Mbit/s、延迟{latency} ms的网络，"
              "页面按静态托管的方式（gzip）提供。目标：首个内容在{target:g}秒内出现。",
    },
    "bench_page": {"en": "Page", "de": "Seite", "ja": "ページ", "zh": "页面"},
    "bench_fcp": {"en": "First content (s)", "de": "Erster Inhalt (s)", "ja": "最初の表示（秒）", "zh": "首个内容出现（秒）"},
    "bench_bytes": {"en": "Transferred (MB)", "de": "Übertragen (MB)", "ja": "転送量（MB）", "zh": "传输量（MB）"},
    "bench_requests": {"en": "Requests", "de": "Anfragen", "ja": "リクエスト数", "zh": "请求数"},
    "bench_switch": {
        "en": "Switching to this language from another: scripts downloaded a second time: {again}; "
              "this language's own scripts: {kb} kB.",
        "de": "Wechsel aus einer anderen Sprache in diese: zum zweiten Mal geladene Skripte: {again}; "
              "eigene Skripte dieser Sprache: {kb} kB.",
        "ja": "他の言語からこの言語に切り替えたとき、再ダウンロードされたスクリプト：{again}個。この言語固有のスクリプト：{kb} kB。",
        "zh": "从其他语言切换到本语言时：再次下载的脚本{again}个；本语言专有的脚本{kb} kB。",
    },
    "bench_target": {"en": "Target", "de": "Ziel", "ja": "目標", "zh": "目标"},
    # The progress page (seqlab.authoring.progress_page, assets/book/seqlab-progress.js)
    "progress": {"en": "Your progress", "de": "Ihr Fortschritt", "ja": "学習の進み具合", "zh": "学习进度"},
    "progress_intro": {
        "en": "This page reads only the quiz answers stored in this browser and sends nothing anywhere.",
        "de": "Diese Seite liest nur die Quizantworten, die in diesem Browser gespeichert sind, und sendet nichts davon weiter.",
        "ja": "このページは、このブラウザーに保存されたクイズの回答だけを読み取り、どこにも送信しません。",
        "zh": "本页只读取此浏览器中保存的测验答案，不会向任何地方发送数据。",
    },
    "progress_no_script": {
        "en": "Your progress appears here when JavaScript is on.",
        "de": "Ihr Fortschritt erscheint hier, wenn JavaScript aktiviert ist.",
        "ja": "JavaScriptが有効なときに、ここに進み具合が表示されます。",
        "zh": "启用JavaScript后，这里会显示学习进度。",
    },
    "progress_to_quiz": {
        "en": "To the quiz ({n} questions)",
        "de": "Zum Quiz ({n} Fragen)",
        "ja": "クイズへ（{n}問）",
        "zh": "前往测验（{n}题）",
    },
    "progress_count": {
        "en": "{answered} of {total} answered, {correct} correct",
        "de": "{answered} von {total} beantwortet, {correct} richtig",
        "ja": "{total}問中{answered}問に回答、{correct}問正解",
        "zh": "共{total}题，已答{answered}题，答对{correct}题",
    },
    "progress_total": {
        "en": "All chapters: {answered} of {total} answered, {correct} correct",
        "de": "Alle Kapitel: {answered} von {total} beantwortet, {correct} richtig",
        "ja": "全章：{total}問中{answered}問に回答、{correct}問正解",
        "zh": "全部章节：共{total}题，已答{answered}题，答对{correct}题",
    },
    "progress_wrong": {
        "en": "Answered, not yet right ({n}):",
        "de": "Beantwortet, noch nicht richtig ({n}):",
        "ja": "回答したがまだ正解していない問題（{n}問）：",
        "zh": "已作答但尚未答对（{n}题）：",
    },
    "progress_unanswered": {
        "en": "Not answered yet ({n})",
        "de": "Noch nicht beantwortet ({n})",
        "ja": "未回答の問題（{n}問）",
        "zh": "尚未作答（{n}题）",
    },
    "progress_done": {
        "en": "Every question answered correctly.",
        "de": "Alle Fragen richtig beantwortet.",
        "ja": "すべての問題に正解しました。",
        "zh": "所有题目均已答对。",
    },
}


def t(key: str, lang: str) -> str:
    """The string ``key`` in ``lang`` (one of en, de, ja, zh)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    if key not in STRINGS:
        raise ValueError(f"unknown UI string {key!r}; known: {', '.join(sorted(STRINGS))}")
    return STRINGS[key][lang]


def legend(label: str, lang: str) -> str:
    """A plot's line label in ``lang``: a chapter names its lines in English (the code is the same in
    every language); a label that is the English text of a ``legend_*`` string is shown translated,
    any other (``LSTM``, ``ρ = 0.5``) as it is."""
    for key, texts in STRINGS.items():
        if key.startswith("legend_") and texts["en"] == label:
            return t(key, lang)
    return label
