//! Issue 26, two computers and one plan, with the real binary: a sync tool
//! replacing the profile while medtech runs is noticed and merged (on a
//! save and while idle), a half-written file is never overwritten, a
//! Syncthing conflict copy is offered at start, `medtech merge` merges one
//! in, and one computer still has one writer.
#![cfg(unix)]

use std::fs;
use std::path::Path;

use crate::shared::{DataDir, Launch, Pty, TIMEOUT, keys};
use medtech::content::Date;
use medtech::profile::{Change, Profile, Status};
use medtech::storage;

fn day(s: &str) -> Date {
    s.parse().expect("a date")
}

/// The profile both computers start from: on Education, nothing done.
fn base() -> Profile {
    let mut profile = Profile::default();
    profile.resume.screen = medtech::profile::Screen::Education;
    profile.apply(
        &Change::Status {
            step: "edu.prereqs.bio".into(),
            from: Status::Todo,
            to: Status::InProgress,
        },
        day("2026-11-01"),
    );
    profile
}

/// The laptop's version: "Choose a certifier" done, with a note.
fn laptop() -> Profile {
    let mut profile = base();
    let on = day("2026-11-23");
    for change in profile.status_changes("cert.choose", Status::Done, on) {
        profile.apply(&change, on);
    }
    profile.apply(
        &Change::Note {
            step: "cert.choose".into(),
            from: String::new(),
            to: "from my laptop".into(),
        },
        on,
    );
    profile
}

/// What a sync tool does: the new file written beside, renamed over.
fn replace(path: &Path, bytes: &[u8]) {
    let tmp = path.with_file_name(".syncthing.profile.ron.tmp");
    fs::write(&tmp, bytes).expect("the other computer's file");
    fs::rename(&tmp, path).expect("renamed into place");
}

fn on_disk(data: &DataDir) -> Profile {
    storage::load_file(&data.profile_path())
        .expect("the profile reads")
        .expect("a profile")
}

/// The app open on Education, "Know the job" selected.
fn open_on_education(data: &DataDir) -> Pty {
    data.write_profile(base().to_ron().expect("encodes").as_bytes());
    let app = Pty::launch(data);
    app.wait_for("medtech · Education");
    app.wait_for("Know the job");
    app
}

/// The scene: medtech open on Education; the sync tool replaces
/// the profile with the laptop's; Space on "Know the job" kept only that
/// tick, and the laptop's step and note were gone without a word. Now both
/// are in the file, and the screen says what came from the laptop.
#[test]
fn a_file_replaced_while_open_is_merged_on_the_next_save() {
    let data = DataDir::new();
    let mut app = open_on_education(&data);
    replace(
        &data.profile_path(),
        laptop().to_ron().expect("encodes").as_bytes(),
    );
    app.send(keys::SPACE);
    // Said on the screen, whether the save or the once-a-second look
    // found the change first.
    app.wait_until("the merge said so", |s| {
        s.contains("changed on another computer")
    });
    app.wait_until("the merged file", |_| on_disk(&data).is_done("edu.career"));
    let file = on_disk(&data);
    assert!(file.is_done("edu.career"), "this computer's tick");
    assert!(file.is_done("cert.choose"), "the laptop's tick");
    assert_eq!(file.note("cert.choose"), "from my laptop");
    assert!(file.history.len() >= laptop().history.len() + 2);
    // One writer on this computer still: a second copy is read-only.
    let mut second = Pty::launch(&data);
    second.wait_for("READ-ONLY");
    second.send("q");
    assert_eq!(second.wait_exit(TIMEOUT).exit_code(), 0);
    app.send("q");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 0);
    assert!(on_disk(&data).is_done("cert.choose"), "quitting kept it");
}

/// While nobody types, a change the sync tool brings shows on screen, in
/// place, within about a second.
#[test]
fn a_file_replaced_while_idle_updates_the_screen() {
    let data = DataDir::new();
    let mut app = open_on_education(&data);
    let mut other = base();
    let on = day("2026-11-23");
    for change in other.status_changes("edu.career", Status::Done, on) {
        other.apply(&change, on);
    }
    let text = other.to_ron().expect("encodes");
    replace(&data.profile_path(), text.as_bytes());
    let screen = app.wait_until("the tick from the other computer", |s| {
        s.contains("“Know the job before you start” changed on another computer")
    });
    assert!(screen.contains("medtech · Education"), "kept its place");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("[x]") && l.contains("Know the job")),
        "{screen}"
    );
    // A reload writes nothing.
    assert_eq!(
        fs::read_to_string(data.profile_path()).expect("the file"),
        text
    );
    app.send("q");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 0);
}

/// A file caught half-written by a sync tool is left alone: the tick waits
/// in memory and in `profile.ron.unsaved`, the banner says so, and once the
/// file reads again the tick is saved with what it brought.
#[test]
fn a_half_written_file_is_never_overwritten() {
    let data = DataDir::new();
    let mut app = open_on_education(&data);
    let half = b"Profile(\n    version: 2,\n    goal: Mlt,\n    steps: {\n        \"cert.ch";
    replace(&data.profile_path(), half);
    app.send(keys::SPACE);
    app.wait_for("NOT SAVED");
    app.wait_for("does not read yet");
    assert_eq!(fs::read(data.profile_path()).expect("left alone"), half);
    let kept = storage::load_file(&data.app_dir().join("profile.ron.unsaved"))
        .expect("reads")
        .expect("the tick kept on disk");
    assert!(kept.is_done("edu.career"));
    // The sync tool finishes writing: the next look saves both.
    replace(
        &data.profile_path(),
        laptop().to_ron().expect("encodes").as_bytes(),
    );
    app.wait_until("the wait is over", |s| !s.contains("NOT SAVED"));
    let file = on_disk(&data);
    assert!(file.is_done("edu.career") && file.is_done("cert.choose"));
    assert!(!data.app_dir().join("profile.ron.unsaved").exists());
    app.send("q");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 0);
}

/// Quitting while the file still does not read: nothing is written over
/// it, the changes stay in `profile.ron.unsaved`, the exit status says so.
#[test]
fn quitting_while_the_file_does_not_read_keeps_the_changes_aside() {
    let data = DataDir::new();
    let mut app = open_on_education(&data);
    let half = b"Profile(version: 2, goal: Ml";
    replace(&data.profile_path(), half);
    app.send(keys::SPACE);
    app.wait_for("NOT SAVED");
    app.send("q");
    app.wait_for("could not be saved");
    app.send("q");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 1);
    assert_eq!(fs::read(data.profile_path()).expect("left alone"), half);
    assert!(data.files().contains(&"profile.ron.unsaved".to_owned()));
}

/// The screen's words, one space between each: a banner wrapped at any
/// width reads as one line.
fn flat(screen: &str) -> String {
    screen.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A sync tool that never finishes the file: one key (the banner names it)
/// keeps this computer's version. The file that does not read is set aside
/// beside the profile as `profile.ron.corrupt-<time>`, byte for byte, never
/// deleted; this computer's tick is saved in its place.
#[test]
fn one_key_keeps_your_version_and_sets_the_unreadable_file_aside() {
    let data = DataDir::new();
    let mut app = open_on_education(&data);
    let half = b"Profile(version: 2, goal: Ml";
    replace(&data.profile_path(), half);
    app.send(keys::SPACE);
    let screen = flat(&app.wait_for("keeps your"));
    assert!(screen.contains("NOT SAVED"), "{screen}");
    assert!(screen.contains("K keeps your version"), "{screen}");
    assert_eq!(fs::read(data.profile_path()).expect("left alone"), half);
    app.send("K");
    let screen = flat(&app.wait_for("Kept your version"));
    assert!(!screen.contains("NOT SAVED"), "{screen}");
    let aside: Vec<String> = data
        .files()
        .into_iter()
        .filter(|f| f.starts_with("profile.ron.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "{:?}", data.files());
    assert!(screen.contains(&aside[0][..24]), "says where: {screen}");
    assert_eq!(
        fs::read(data.app_dir().join(&aside[0])).expect("set aside"),
        half,
        "byte for byte"
    );
    let file = on_disk(&data);
    assert!(file.is_done("edu.career"), "this computer's tick");
    assert_eq!(file.status("edu.prereqs.bio"), Status::InProgress);
    assert!(!data.files().contains(&"profile.ron.unsaved".to_owned()));
    app.send("q");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 0);
    assert!(on_disk(&data).is_done("edu.career"), "quitting kept it");
}

/// While idle, with nothing of this computer's waiting, the banner still
/// offers the key; a file that reads again by then is merged, not moved.
#[test]
fn the_key_is_offered_while_idle_and_a_file_that_reads_again_is_not_moved() {
    let data = DataDir::new();
    let mut app = open_on_education(&data);
    replace(&data.profile_path(), b"Profile(version: 2, goal: Ml");
    let screen = flat(&app.wait_for("keeps your"));
    assert!(screen.contains("K keeps your version"), "{screen}");
    assert!(
        !screen.contains("NOT SAVED"),
        "nothing of ours waits: {screen}"
    );
    // The sync tool finishes, and K comes before the next look.
    replace(
        &data.profile_path(),
        laptop().to_ron().expect("encodes").as_bytes(),
    );
    app.send("K");
    app.wait_until("the banner gone", |s| !s.contains("keeps your"));
    assert!(
        !data.files().iter().any(|f| f.contains(".corrupt-")),
        "{:?}",
        data.files()
    );
    assert!(on_disk(&data).is_done("cert.choose"), "the laptop's tick");
    app.send("q");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 0);
}

/// `medtech reset --yes` sets `profile.ron.unsaved` aside too, so the next
/// start neither offers it nor loses it.
#[test]
fn reset_sets_the_unsaved_changes_aside() {
    let data = DataDir::new();
    data.write_profile(base().to_ron().expect("encodes").as_bytes());
    let unsaved = data.app_dir().join("profile.ron.unsaved");
    let text = laptop().to_ron().expect("encodes");
    fs::write(&unsaved, &text).expect("changes a session could not save");
    let output = data.run(&["reset", "--yes"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(!unsaved.exists(), "{:?}", data.files());
    let kept: Vec<String> = data
        .files()
        .into_iter()
        .filter(|f| f.starts_with("profile.ron.unsaved.reset-"))
        .collect();
    assert_eq!(kept.len(), 1, "{:?}", data.files());
    assert_eq!(
        fs::read_to_string(data.app_dir().join(&kept[0])).expect("kept"),
        text
    );
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(out.contains(&kept[0]), "says where: {out}");
    let output = data.run(&["path"]);
    assert!(
        !String::from_utf8_lossy(&output.stdout).contains("to merge"),
        "{output:?}"
    );
}

const SYNCTHING_COPY: &str = "profile.sync-conflict-20261123-101010-ABCDEFG.ron";

#[test]
fn a_syncthing_conflict_copy_is_offered_at_start() {
    let data = DataDir::new();
    data.write_profile(base().to_ron().expect("encodes").as_bytes());
    let copy = data.app_dir().join(SYNCTHING_COPY);
    fs::write(&copy, laptop().to_ron().expect("encodes")).expect("the conflict copy");
    let mut app = Launch::new(&data).size(120, 30).spawn();
    let screen = app.wait_for(SYNCTHING_COPY);
    assert!(screen.contains("medtech merge"), "{screen}");
    app.send("q");
    assert_eq!(app.wait_exit(TIMEOUT).exit_code(), 0);
    // `medtech path` lists it too.
    let output = data.run(&["path"]);
    assert!(
        String::from_utf8_lossy(&output.stdout).contains(SYNCTHING_COPY),
        "{output:?}"
    );
}

#[test]
fn merge_dry_run_shows_what_would_change_and_writes_nothing() {
    let data = DataDir::new();
    let text = base().to_ron().expect("encodes");
    data.write_profile(text.as_bytes());
    let copy = data.app_dir().join(SYNCTHING_COPY);
    fs::write(&copy, laptop().to_ron().expect("encodes")).expect("the conflict copy");
    let copy_arg = copy.to_str().expect("UTF-8");
    let output = data.run(&["merge", copy_arg, "--dry-run"]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        out.contains("“Choose a certifier”: done 2026-11-23"),
        "{out}"
    );
    assert!(out.contains("from my laptop"), "{out}");
    assert!(out.contains("Nothing was written"), "{out}");
    assert_eq!(fs::read_to_string(data.profile_path()).expect("kept"), text);
    assert!(copy.exists(), "the copy is left as it is");

    let output = data.run(&["merge", copy_arg]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(out.contains("Merged into"), "{out}");
    let file = on_disk(&data);
    assert!(file.is_done("cert.choose"));
    assert_eq!(file.note("cert.choose"), "from my laptop");
    assert_eq!(file.status("edu.prereqs.bio"), Status::InProgress);
    assert!(!copy.exists(), "set aside, so it is not offered again");
    assert!(
        data.files()
            .iter()
            .any(|n| n.starts_with(SYNCTHING_COPY) && n.contains(".merged-")),
        "{:?}",
        data.files()
    );
    // Merging it again finds nothing new.
    let again = data.app_dir().join("laptop.ron");
    fs::write(&again, laptop().to_ron().expect("encodes")).expect("the laptop's file");
    let output = data.run(&["merge", again.to_str().expect("UTF-8")]);
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("already in your profile"),
        "{output:?}"
    );
}

#[test]
fn merge_refuses_while_medtech_has_the_profile_open_and_what_does_not_read() {
    let data = DataDir::new();
    let mut app = open_on_education(&data);
    let copy = data.app_dir().join("laptop.ron");
    fs::write(&copy, laptop().to_ron().expect("encodes")).expect("the laptop's file");
    let output = data.run(&["merge", copy.to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("another medtech"),
        "{output:?}"
    );
    app.send("q");
    app.wait_exit(TIMEOUT);
    fs::write(&copy, "Profile(version: 2, goal: Ml").expect("half a file");
    let before = fs::read(data.profile_path()).expect("the profile");
    let output = data.run(&["merge", copy.to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(fs::read(data.profile_path()).expect("kept"), before);
}
