//! Runs the whole analysis over a file many times, for profilers:
//! `cargo run --release --example profile -- FILE [REPEAT]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile FILE [REPEAT]");
    let n: usize = args
        .next()
        .map_or(100, |s| s.parse().expect("REPEAT is a number"));
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let mut entities = 0;
    for _ in 0..n {
        entities += newslens::extract(&text).entities.len();
    }
    println!("{entities}");
}
