//! Keys that reach past the app (issue 22): Ctrl-Z gives the terminal back
//! to the shell and takes it again.

use crate::shared::{DataDir, Pty, keys};

/// Ctrl-Z leaves raw mode and the alternate screen before stopping, and
/// enters them again and redraws on `fg`. (In the test's pseudo-terminal
/// medtech leads its own session, so no shell can resume it and the kernel
/// does not stop it: it comes back at once, as after `fg`.)
#[test]
fn ctrl_z_gives_the_terminal_back_then_takes_it_again_and_redraws() {
    let data = DataDir::new();
    let mut app = Pty::launch(&data);
    app.wait_for("Welcome to medtech");
    app.send(keys::ESC);
    app.wait_for("medtech · Dashboard");
    let before = app.raw_output().len();
    app.send("\x1a");
    app.send("2");
    app.wait_for("medtech · Education");
    let after = app.raw_output();
    let after = &after[before..];
    let left = after
        .find("\x1b[?1049l")
        .expect("Ctrl-Z left the alternate screen");
    let back = after[left..]
        .find("\x1b[?1049h")
        .expect("and entered it again");
    assert!(
        after[left + back..].contains("Dashboard"),
        "the whole screen was drawn again after coming back"
    );
    assert!(app.on_alternate_screen());
    assert!(
        !app.local_flags().iter().any(|f| f == "ICANON"),
        "raw mode again: {:?}",
        app.local_flags()
    );
    app.send("q");
    app.wait_exit(crate::shared::TIMEOUT);
}
