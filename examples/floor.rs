//! The floor for the performance figures in `BENCHMARKS.md`: the least a
//! ratatui app can do. It draws a bordered list of 40 lines, redraws on
//! every key and quits on `q`. The pty harness (`examples/ptybench.rs`)
//! measures medtech as a ratio to this.

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::{Block, List, ListState};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let items: Vec<String> = (1..=40).map(|i| format!("Line {i}")).collect();
    let mut state = ListState::default().with_selected(Some(0));
    let result = loop {
        if let Err(e) = terminal.draw(|frame| {
            let list = List::new(items.iter().map(String::as_str))
                .block(Block::bordered().title(" floor "))
                .highlight_symbol("> ");
            frame.render_stateful_widget(list, frame.area(), &mut state);
        }) {
            break Err(e);
        }
        match event::read() {
            Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => match key.code {
                KeyCode::Char('q') => break Ok(()),
                KeyCode::Char('j') | KeyCode::Down => state.select_next(),
                KeyCode::Char('k') | KeyCode::Up => state.select_previous(),
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(e),
        }
    };
    ratatui::restore();
    result
}
