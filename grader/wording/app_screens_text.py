"""The study app's screens and widgets in their words: ``quizscreen.*``, ``summary.*``,
``exercises.*``, ``workspace.*``, ``gradeview.*``, ``heatmap.*``, ``question.*`` (the answer
widgets), ``qtype.*`` (each question type's name) and ``rating.*`` (a flashcard's 1–4)."""

from __future__ import annotations

APP_SCREENS_TEXT: dict[str, tuple[str, str]] = {
    # key: (ja, en)
    # -- the quiz screen ------------------------------------------------------------------
    "exam.title": ("模擬試験", "Mock exam"),
    "exam.clock": ("残り {m}:{s}", "{m}:{s} left"),
    "exam.answered": ("解答済み {n} / {total}", "{n} of {total} answered"),
    "exam.empty": ("出題できる問題がありません。", "There are no questions to set."),
    "exam.score": (
        "得点 {correct} / {total}({pct}%)",
        "Score {correct} / {total} ({pct}%)",
    ),
    "exam.pass_line": (
        "合格ラインの目安 {pct}%(よく言われる値で、公式ではありません)",
        "Pass line about {pct}% (as commonly reported, not official)",
    ),
    "exam.pass": ("合格圏です", "above the line"),
    "exam.below": ("合格ラインに届いていません", "below the line"),
    "exam.time": (
        "かかった時間 {m} 分 / 制限 {limit} 分 {timed_out}",
        "Time {m} min of {limit} {timed_out}",
    ),
    "exam.timed_out": ("(時間切れ)", "(time was up)"),
    "exam.no_math": (
        "数学的基礎の問題はまだ問題集にないため、その配分はほかの分野に回しています。",
        "The banks have no mathematical-foundations questions yet; that share went to the other areas.",
    ),
    "exam.area": ("分野(E資格 2024 シラバス)", "Area (E資格 2024 syllabus)"),
    "exam.area_score": ("正解", "Right"),
    "exam.area_bar": ("正答率", "Share"),
    "exam.missed": (
        "間違えた・答えなかった問題 {n} 問(enter で見直し。復習の予定にも入りました)",
        "{n} question(s) missed or unanswered (enter to review; they are due in review too)",
    ),
    "exam.none_missed": ("全問正解です。", "Every question right."),
    "exam.question": ("問題", "Question"),
    "exam.answer": ("正解", "Answer"),
    "exam.unanswered": ("(未解答)", "(not answered)"),
    "exam.review": ("見直し", "Review"),
    "quizscreen.progress": ("{n} / {total}", "{n} / {total}"),
    "quizscreen.kind.review": ("復習", "review"),
    "quizscreen.kind.new": ("新しい問題", "new"),
    "quizscreen.right": ("正解", "Correct"),
    "quizscreen.wrong": ("不正解", "Not quite"),
    "quizscreen.rated": ("自己評価: {n} {label}", "You rated it {n}, {label}"),
    "quizscreen.again": (
        "— この問題はすぐにまた出題されます",
        "— this card will come back soon",
    ),
    "quizscreen.expected": ("正解:", "Answer:"),
    "quizscreen.explanation": ("解説", "Explanation"),
    "quizscreen.hint": ("ヒント {n}/{total}", "Hint {n}/{total}"),
    "quizscreen.no_more_hints": ("ヒントはこれで全部です。", "That was the last hint."),
    "quizscreen.no_hints": ("この問題にはヒントがありません。", "This question has no hints."),
    "quizscreen.next": ("enter / → で次の問題へ", "enter / → for the next question"),
    "quizscreen.finish": ("enter / → で結果を見る", "enter / → to see your results"),
    "quizscreen.unreadable.numeric": (
        "数値として読めませんでした。例: 0.25、1/4、1e-3(記録はしていません)。",
        "That is not a number we can read. Try e.g. 0.25, 1/4 or 1e-3 (nothing was recorded).",
    ),
    "quizscreen.unreadable": (
        "この答えは読み取れませんでした(記録はしていません): {error}",
        "That answer could not be read (nothing was recorded): {error}",
    ),
    "quizscreen.saved": ("{n} 問の解答を記録しました。", "{n} answer(s) saved."),
    "quizscreen.not_saved": ("解答を記録できませんでした", "Your answer could not be saved"),
    # -- the question types and a flashcard's ratings -------------------------------------
    "qtype.single_choice": ("択一", "single choice"),
    "qtype.multi_select": ("複数選択", "select all that apply"),
    "qtype.true_false": ("正誤", "true or false"),
    "qtype.numeric": ("数値", "number"),
    "qtype.short_answer": ("記述", "short answer"),
    "qtype.ordering": ("並べ替え", "put in order"),
    "qtype.cloze": ("穴埋め", "fill in the blanks"),
    "qtype.flashcard": ("フラッシュカード", "flashcard"),
    "rating.1": ("もう一度", "again"),
    "rating.2": ("難しい", "hard"),
    "rating.3": ("覚えていた", "good"),
    "rating.4": ("簡単", "easy"),
    # -- the answer widgets ---------------------------------------------------------------
    "question.typing.hint": (" · ctrl+g ヒント", " · ctrl+g hint"),
    "question.typing.language": (" · ctrl+l English", " · ctrl+l 日本語"),
    "question.choices.keys_single": (
        "1–9 で解答 · ↑↓ で選んで enter",
        "1–9 to answer · or ↑↓ then enter",
    ),
    "question.choices.keys_multi": (
        "1–9 / space で選ぶ・外す · ↑↓ で移動 · enter で解答",
        "1–9 / space to tick or untick · ↑↓ to move · enter to answer",
    ),
    "question.choices.none_ticked": (
        "1 つ以上選んでから enter を押してください(1–9 / space)。",
        "Tick at least one choice first (1–9 or space), then press enter.",
    ),
    "question.true_false.true": ("○ 正しい", "○ true"),
    "question.true_false.false": ("× 誤り", "× false"),
    "question.true_false.keys": (
        "t / 1 / ○ で「正しい」· f / 2 / × で「誤り」",
        "t / 1 / ○ for true · f / 2 / × for false",
    ),
    "question.ordering.keys": (
        "↑↓ で項目を選ぶ · shift+↑↓(alt/ctrl も可)で動かす · enter で解答",
        "↑↓ to pick an item · shift+↑↓ (or alt/ctrl) to move it · enter to answer",
    ),
    "question.text.placeholder_numeric": (
        "数値(例: 0.25、1/4、1e-3)",
        "a number (e.g. 0.25, 1/4, 1e-3)",
    ),
    "question.text.placeholder_short_answer": (
        "答え(日本語でも英語でも)",
        "your answer (English or 日本語)",
    ),
    "question.text.keys": ("enter で解答", "enter to answer"),
    "question.text.empty": (
        "答えを入力してから enter を押してください。",
        "Type an answer first, then press enter.",
    ),
    "question.cloze.placeholder": ("空欄 {n} の答え", "blank {n}"),
    "question.cloze.keys": (
        "enter / tab で次の空欄へ · 最後の空欄で enter を押すと解答",
        "enter / tab: next blank · enter on the last blank answers",
    ),
    "question.cloze.empty": ("空欄に答えを入力してください。", "Fill in the blanks first."),
    "question.flashcard.front": ("space / enter で裏返す", "space / enter to turn the card over"),
    "question.flashcard.back": ("裏面", "Back"),
    "question.flashcard.rate": (
        "どのくらい思い出せましたか? 1–4 で評価してください",
        "How well did you remember? Rate 1–4",
    ),
    "question.flashcard.turn_first": (
        "先に space / enter で裏面を見てください。",
        "Turn the card over first (space or enter).",
    ),
    # -- the end of a quiz ----------------------------------------------------------------
    "summary.done.topic": ("クイズ終了: {title}", "Quiz finished: {title}"),
    "summary.done.review": ("復習終了", "Review finished"),
    "summary.score": (
        "{correct} / {total} 問正解({pct})",
        "{correct} / {total} correct ({pct})",
    ),
    "summary.time": (
        "かかった時間 {total} · 1 問あたり平均 {mean}",
        "Time taken {total} · {mean} per question on average",
    ),
    "summary.review": ("復習するとよい問題", "What to review"),
    "summary.all_right": ("全問正解です。よくできました!", "All correct. Well done!"),
    "summary.nothing": ("解答した問題はありません。", "No questions were answered."),
    "summary.back": ("enter / escape でホームに戻る", "enter / escape: back to home"),
    "summary.retry_hint": (
        "r で間違えた {n} 問をもう一度解けます",
        "r: try the {n} you missed again",
    ),
    "summary.min_sec": ("{m}分{s:02d}秒", "{m}m {s:02d}s"),
    "summary.sec": ("{s}秒", "{s}s"),
    # -- the exercise list ----------------------------------------------------------------
    "exercises.intro": (
        "NumPy で関数を書き、参照実装と比べて採点します。  [dim]enter: 開く  escape: 戻る[/]",
        "NumPy functions, graded against a reference.    [dim]enter: open  escape: back[/]",
    ),
    "exercises.title": ("演習", "Exercise"),
    "exercises.topic": ("トピック", "Topic"),
    "exercises.status": ("状態", "Status"),
    "exercises.not_started": ("未着手", "not started"),
    "exercises.failing": ("不合格", "failing"),
    "exercises.passed": ("合格", "passed"),
    # -- the workspace --------------------------------------------------------------------
    "workspace.tab.task": ("課題", "Task"),
    "workspace.tab.result": ("結果", "Result"),
    "workspace.tab.solution": ("模範解答", "Solution"),
    "workspace.hint.title": ("ヒント {i}/{n}", "Hint {i} of {n}"),
    "workspace.hint.button": ("ヒント ({i}/{n})", "Hint ({i}/{n})"),
    "workspace.hint.none_left": ("ヒントはこれで全部です", "No more hints"),
    "workspace.state.loading": ("読み込み中…", "Loading…"),
    "workspace.state.saved": ("保存済み", "saved"),
    "workspace.state.unsaved": (
        "● 未保存 (ctrl+s で保存して採点)",
        "● unsaved (ctrl+s saves and grades)",
    ),
    "workspace.state.grading": ("採点中…", "grading…"),
    "workspace.verdict.pass": ("合格", "PASS"),
    "workspace.verdict.fail": ("不合格", "FAIL"),
    "workspace.verdict.error": ("エラー", "ERROR"),
    "workspace.notice.unknown": ("演習 {id} が見つかりません", "There is no exercise called {id}"),
    "workspace.notice.unreadable": (
        "作業ファイルを読めません: {error}",
        "Cannot read your file: {error}",
    ),
    "workspace.notice.unwritable": ("保存できませんでした: {error}", "Could not save: {error}"),
    "workspace.notice.missing": (
        "作業ファイルがなくなっていたので、ひな形から作り直しました。"
        "エディタの内容はそのままです(ctrl+s で保存)。",
        "Your workspace file was missing, so it was recreated from the starter."
        " The editor keeps your text (ctrl+s saves it).",
    ),
    "workspace.notice.reloaded": (
        "ファイルが外部で変更されたので読み込み直して採点します",
        "The file changed on disk: reloaded, grading",
    ),
    "workspace.notice.locked": (
        "模範解答は合格すると見られます。",
        "The reference solution unlocks after you pass.",
    ),
    "workspace.notice.passed": (
        "合格です!ctrl+o で模範解答と見比べられます。",
        "Passed! ctrl+o shows the reference solution beside your code.",
    ),
    "workspace.notice.next": (
        "次の課題: {title}(esc で一覧に戻って選べます)",
        "Next exercise: {title} (esc goes back to the list)",
    ),
    "workspace.notice.grading_failed": ("採点できませんでした", "Grading failed"),
    "workspace.notice.no_suspend": (
        "この端末ではアプリを一時停止して外部エディタを開けません",
        "This terminal cannot suspend the app to run an external editor",
    ),
    "workspace.notice.editor_failed": (
        "エディタ {cmd} を起動できません: {error}($EDITOR を設定してください)",
        "Could not start the editor {cmd}: {error} (set $EDITOR)",
    ),
    "workspace.notice.editor_exit": (
        "{cmd} が終了コード {code} で終わりました",
        "{cmd} exited with code {code}",
    ),
    "workspace.notice.solution_failed": (
        "模範解答を表示できません: {error}",
        "Cannot show the solution: {error}",
    ),
    # -- a grading result in the workspace (its own states) and its heatmaps --------------
    "gradeview.empty": (
        "まだ採点していません。ctrl+s で保存して採点します。",
        "Not graded yet. Press ctrl+s to save and grade.",
    ),
    "gradeview.error": ("エラー", "ERROR"),
    "gradeview.crashed": ("採点中に問題が起きました", "Grading could not finish"),
    "heatmap.expected": ("期待値", "expected"),
    "heatmap.got": ("あなたの値", "got"),
    "heatmap.difference": ("|差|", "|difference|"),
    "heatmap.scale": ("色の範囲 ±{v}", "scale ±{v}"),
    "heatmap.largest": ("最大 {v}", "largest {v}"),
    "heatmap.truncated": (
        "{rows}×{cols} のうち左上 {r}×{c} を表示",
        "showing the top-left {r}×{c} of {rows}×{cols}",
    ),
    "interval.minutes": ("{n}分後", "in {n}m"),
    "interval.hours": ("{n}時間後", "in {n}h"),
    "interval.days": ("{n}日後", "in {n}d"),
}
