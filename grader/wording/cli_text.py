"""The command line's own words (doctor, stats, exercises): ``cli.*`` keys.

The layout (indentation, ``✓``/``✗`` marks, ``key: value`` lines the same in both
languages) stays in the commands; only the words are here."""

from __future__ import annotations

CLI_TEXT: dict[str, tuple[str, str]] = {
    # key: (ja, en)
    # -- renshu doctor --------------------------------------------------------------------
    "cli.exam.none": ("模擬試験の記録はまだありません。", "No mock exam taken yet."),
    "cli.exam.header": (
        "模擬試験の記録(新しい順。合格ラインの目安 {pct}%、非公式):",
        "Mock exams, newest first (pass line about {pct}%, unofficial):",
    ),
    "cli.doctor.level": ("採点の隔離レベル: {level}", "grading isolation: {level}"),
    "cli.doctor.full": (
        "信頼できないファイルも採点できる完全な隔離です。",
        "full isolation: untrusted files can be graded here.",
    ),
    "cli.doctor.weaker": (
        "弱い隔離です: 他人のファイルを採点するには bubblewrap が必要です。",
        "WEAKER isolation: untrusted files need bubblewrap to be graded safely.",
    ),
    # Each part of the isolation and what it blocks (the English is the sandbox's own
    # ``renshu.grader.sandbox.isolation.BLOCKS``, which ``renshu doctor --json`` prints).
    "cli.doctor.part.namespaces": ("名前空間", "namespaces"),
    "cli.doctor.blocks.namespaces": (
        "独自の PID、ネットワークなし、IPC・ホスト名も別: 採点プロセスを見たり止めたり、"
        "サーバーに接続したり、SysV の共有メモリを残したりできません",
        "own PIDs, no network, no shared IPC or hostname: cannot see or signal "
        "the grader, reach a server or leave SysV segments behind",
    ),
    "cli.doctor.part.minimal_root": ("最小の読み取り専用ルート", "minimal root"),
    "cli.doctor.blocks.minimal_root": (
        "Python・NumPy・起動スクリプトだけを読み取り専用で置きます: ホーム、/tmp、/run、"
        "ソケット、端末、進捗データベース、ソースの checkout は存在しません",
        "only Python, NumPy and the bootstrap exist, read-only: no home, /tmp, "
        "/run, sockets, terminals, progress databases or source checkouts to read or write",
    ),
    "cli.doctor.part.seccomp": ("seccomp フィルタ", "seccomp"),
    "cli.doctor.blocks.seccomp": (
        "どのファミリーのソケットも、ptrace、キーリング、mount、unshare、bpf、perf、"
        "io_uring、SysV IPC、端末への入力注入も拒否します",
        "no socket of any family, ptrace, keyring, mount, unshare, bpf, perf, "
        "io_uring, SysV IPC or terminal injection, even through a hole elsewhere",
    ),
    "cli.doctor.part.unprivileged_uid": ("特権のない uid", "unprivileged uid"),
    "cli.doctor.blocks.unprivileged_uid": (
        "root で動かしても子は権限を持たず、sysctl にも書き込めません",
        "no capabilities and no sysctl writes, even when renshu runs as root",
    ),
    "cli.doctor.part.rlimits": ("資源制限 (rlimit)", "rlimits"),
    "cli.doctor.blocks.rlimits": (
        "メモリ約 1 GiB、CPU 10 秒、ファイル 1 MiB、開けるファイル 64 個まで",
        "about 1 GiB of memory, 10 s of CPU, 1 MiB files, 64 open files",
    ),
    "cli.doctor.bwrap_missing": ("bubblewrap: 見つかりません", "bubblewrap: not found"),
    "cli.doctor.bwrap_works": ("動作します", "works"),
    "cli.doctor.bwrap_broken": ("動作しません", "does not work here"),
    "cli.doctor.probe_failed": (
        "試験用の子プロセス: 失敗: {problem}",
        "probe child: failed: {problem}",
    ),
    "cli.doctor.probe_socket_allowed": (
        "試験用の子プロセス: uid {uid}, socket 可",
        "probe child: uid {uid}, socket allowed",
    ),
    "cli.doctor.probe_socket_refused": (
        "試験用の子プロセス: uid {uid}, socket 拒否",
        "probe child: uid {uid}, socket refused",
    ),
    "cli.doctor.seccomp_unavailable": (
        "seccomp: 使えません: {problem}",
        "seccomp: unavailable: {problem}",
    ),
    "cli.doctor.install": (
        "完全な隔離にするには bubblewrap を入れてください:",
        "For full isolation install bubblewrap:",
    ),
    "cli.doctor.macos": (
        "(macOS には bubblewrap がありません: 他人のファイルは Linux で採点してください)",
        "(macOS has no bubblewrap: grade other people's files on Linux)",
    ),
    # -- renshu stats ---------------------------------------------------------------------
    "cli.stats.summary": (
        "解答 {answers} 件 · 正答率 {accuracy} · 連続 {streak} 日 · "
        "今日中(0 時まで)に復習 {due} 件 · 定着率 {retention}",
        "{answers} answers · accuracy {accuracy} · streak {streak} day(s) · "
        "due by midnight {due} · retention {retention}",
    ),
    "cli.stats.due_week": ("今後 7 日の復習: {days}", "due in the next 7 days: {days}"),
    "cli.stats.per_topic": ("トピック別", "per topic"),
    "cli.stats.passed": ("合格した演習: {passed}", "exercises passed: {passed}"),
    "cli.stats.leeches": (
        "苦手な問題(8 回以上忘れた): {leeches}",
        "leeches (forgotten 8+ times): {leeches}",
    ),
    # -- renshu exercises -----------------------------------------------------------------
    "cli.exercises.title": ("演習", "exercises"),
    "watch.waiting": (
        "{path} を待っています(保存の途中かもしれません)…",
        "waiting for {path} (it may be in the middle of a save)…",
    ),
    "watch.footer": (
        "{path} を監視中です。エディタで保存するたびに採点します · h + Enter: 次のヒント"
        " · q + Enter または Ctrl-C: 終了",
        "watching {path}: every save regrades it · h + Enter: next hint · q + Enter or"
        " Ctrl-C: stop",
    ),
    "watch.hint": ("ヒント ({n}/{total}): {text}", "Hint ({n}/{total}): {text}"),
    "watch.no_more_hints": ("ヒントはこれで全部です。", "That was the last hint."),
    "watch.no_exercise": (
        "どの課題かわからないため、ヒントを出せません(--exercise で指定してください)。",
        "No hint: which exercise this is is not known (give --exercise).",
    ),
    "watch.next_exercise": (
        "次の課題: renshu start {id}",
        "Next exercise: renshu start {id}",
    ),
    "cli.exercises.passed": ("{passed} / {total} 合格", "{passed} / {total} passed"),
    "cli.exercises.id": ("ID", "id"),
    "cli.exercises.topic": ("トピック", "topic"),
    "cli.exercises.status": ("状態", "status"),
    "cli.exercises.name": ("課題", "exercise"),
    "cli.exercises.status.passed": ("合格", "passed"),
    "cli.exercises.status.tried": ("挑戦中", "tried"),
    "cli.exercises.status.new": ("未着手", "new"),
    "cli.solution.spoiler": (
        "ネタバレ注意: {id} の参照実装の全文です。まだ合格していません。先にヒントを試しましょう"
        "(renshu watch で h を押すと次のヒントが出ます)。",
        "Spoiler: this is the full reference solution of {id}, which you have not passed"
        " yet. Try the hints first (in renshu watch, h shows the next one).",
    ),
    "cli.solution.ask": ("それでも表示しますか? [y/N] ", "Show it anyway? [y/N] "),
    "cli.solution.use_yes": (
        "表示するには renshu solution {id} --yes としてください。",
        "To see it, run renshu solution {id} --yes.",
    ),
    "cli.start.where": (
        "作業ファイル: {path}\n編集して保存するたびに採点するには: renshu watch {path}"
        "(学習アプリの演習画面も同じファイルを開きます)",
        "your file: {path}\nto regrade it on every save: renshu watch {path} (the study"
        " app's exercise screen opens the same file)",
    ),
    "cli.reset.ask": (
        "{path} を初期状態(スターター)に戻します。今の内容は失われます。よろしいですか? [y/N] ",
        "Put the starter back into {path}? What is in it now is lost. [y/N] ",
    ),
    "cli.reset.use_yes": (
        "{path} を戻すには renshu reset {id} --yes としてください。",
        "To put the starter back into {path}, run renshu reset {id} --yes.",
    ),
    "cli.reset.done": ("{path} をスターターに戻しました。", "{path} has the starter again."),
    "cli.task.next": (
        "作業ファイル: {path} · 採点: renshu watch {path} · ヒント: renshu hint {id}",
        "your file: {path} · grade it: renshu watch {path} · a hint: renshu hint {id}",
    ),
    "cli.stats.col.topic": ("トピック", "topic"),
    "cli.stats.col.answers": ("解答数", "answers"),
    "cli.stats.col.accuracy": ("正答率", "accuracy"),
    "cli.stats.col.mastery": ("習熟度", "mastery"),
}
