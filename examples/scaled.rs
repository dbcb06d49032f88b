//! medtech on a generated guide, for the pty harness: how start, keys and
//! memory grow with the content.
//!
//! ```text
//! target/release/examples/scaled --write DIR N   # write a guide N times the real one
//! MEDTECH_GUIDE_DIR=DIR target/release/examples/scaled   # run the app on it
//! ```
//!
//! `--write` writes the RON files and the compact form the binary carries
//! for its own guide (`guide.postcard` and `guide.text`, as `build.rs`
//! writes them); the app reads the compact form when it is there (set
//! `MEDTECH_GUIDE_RON=1` to parse the RON instead).
//!
//! Run it as `ptybench --extra 100x=target/release/examples/scaled,MEDTECH_GUIDE_DIR=DIR`.
//! With `--write DIR 1` it runs the real guide read from files, the fair
//! baseline for the scaled ones (the binary embeds its guide instead).

#[path = "../benches/scale/mod.rs"]
mod scale;

use std::path::{Path, PathBuf};

use medtech::app::App;
use medtech::clock::Clock;
use medtech::content::Guide;
use medtech::session;

fn main() -> color_eyre::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir, n] = args.as_slice()
        && flag == "--write"
    {
        let n: usize = n.parse()?;
        std::fs::create_dir_all(dir)?;
        for (name, text) in scale::guide_files(n) {
            let file = Path::new(name).file_name().unwrap_or_default();
            std::fs::write(Path::new(dir).join(file), text)?;
        }
        let (bytes, words) = medtech::content::encode_compact(&scale::guide_parts(n))?;
        std::fs::write(Path::new(dir).join("guide.postcard"), bytes)?;
        std::fs::write(Path::new(dir).join("guide.text"), words)?;
        return Ok(());
    }
    let dir = PathBuf::from(std::env::var("MEDTECH_GUIDE_DIR")?);
    let guide = if std::env::var_os("MEDTECH_GUIDE_RON").is_none()
        && let Ok(bytes) = std::fs::read(dir.join("guide.postcard"))
    {
        // The bytes and words live as long as the app, as the binary's own do.
        let words: &'static str = std::fs::read_to_string(dir.join("guide.text"))?.leak();
        Guide::from_compact(bytes.leak(), words)?
    } else {
        from_ron(&dir)?
    };
    let session = session::open(session::resolve_path(None)?)?;
    let mut app = App::start(guide, session.start, Clock::from_env());
    app.read_only = session.read_only;
    medtech::run(&mut app, &session.storage)?;
    Ok(())
}

/// The guide parsed from the RON files in `dir`.
fn from_ron(dir: &Path) -> color_eyre::Result<Guide> {
    let texts: Vec<(&str, String)> = medtech::content::EMBEDDED_FILES
        .iter()
        .map(|(name, _)| {
            let file = Path::new(name).file_name().unwrap_or_default();
            std::fs::read_to_string(dir.join(file)).map(|text| (*name, text))
        })
        .collect::<Result<_, _>>()?;
    let files: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (*n, t.as_str())).collect();
    Ok(Guide::from_files(&files)?)
}
