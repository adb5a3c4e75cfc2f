//! Median time of `govreport::parse` per file, natively, as JSON on stdout
//! (used by `benches/js/bench.mjs` to put the native figure beside the
//! JavaScript peers). `cargo run --release --example throughput -- FILE... [--iterations N]`

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::Instant;
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut iterations = 30usize;
    if let Some(i) = args.iter().position(|a| a == "--iterations") {
        iterations = args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(30)
            .max(1);
        args.drain(i..(i + 2).min(args.len()));
    }
    let mut out = Vec::new();
    for path in &args {
        let text = std::fs::read_to_string(path).expect("read");
        let _ = govreport::parse(&text); // warm up
        let mut times: Vec<f64> = (0..iterations)
            .map(|_| {
                let t = Instant::now();
                let r = govreport::parse(&text);
                std::hint::black_box(&r);
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        out.push(format!(
            "{{\"file\":{path:?},\"bytes\":{},\"median_us\":{:.1}}}",
            text.len(),
            times[times.len() / 2]
        ));
    }
    println!("[{}]", out.join(","));
}
