//! Headless Chromium for tests: find it, dump a page's DOM after it has run,
//! take a screenshot. The flags keep Chromium off the network and quiet.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The browser to use: `$CLAUSEDIFF_CHROMIUM`, or Debian's `chromium`.
/// Without one the test fails and says how to get one: a browser test that
/// passes silently without a browser proves nothing.
pub fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("CLAUSEDIFF_CHROMIUM") {
        return PathBuf::from(path);
    }
    for candidate in [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ] {
        if Path::new(candidate).exists() {
            return PathBuf::from(candidate);
        }
    }
    panic!(
        "headless Chromium not found: install Debian's `chromium` package (.ci/run does) \
         or set CLAUSEDIFF_CHROMIUM to a Chromium binary"
    );
}

fn base_command(profile: &Path) -> Command {
    let mut cmd = Command::new(chromium());
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--virtual-time-budget=3000",
    ]);
    cmd.arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

fn run(mut cmd: Command) -> std::process::Output {
    // Output goes to files, not pipes: a page's DOM can outgrow a pipe buffer,
    // and Chromium would block on it while we wait. Chromium can also hang on
    // a broken machine; never let it hang the suite.
    let logs = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (logs.path().join("stdout"), logs.path().join("stderr"));
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("start chromium");
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    std::process::Output {
        status,
        stdout: std::fs::read(&out_path).unwrap(),
        stderr: std::fs::read(&err_path).unwrap(),
    }
}

/// The DOM of `page` after parsing and after any script on it has run.
pub fn dump_dom(page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut cmd = base_command(profile.path());
    cmd.arg("--dump-dom")
        .arg(format!("file://{}", page.display()));
    let out = run(cmd);
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("DOM is UTF-8")
}

/// A PNG screenshot of `url` in a window of the given size.
pub fn screenshot(url: &str, width: u32, height: u32, target: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let mut cmd = base_command(profile.path());
    cmd.arg(format!("--window-size={width},{height}"))
        .arg(format!("--screenshot={}", target.display()))
        .arg(url);
    let out = run(cmd);
    assert!(
        out.status.success() && target.exists(),
        "chromium screenshot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Decoded RGBA pixels of a PNG.
pub fn pixels(png_path: &Path) -> (u32, u32, Vec<[u8; 4]>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).unwrap(),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let bytes = &buffer[..info.buffer_size()];
    let channels = info.color_type.samples();
    let pixels = bytes
        .chunks(channels)
        .map(|c| match channels {
            4 => [c[0], c[1], c[2], c[3]],
            3 => [c[0], c[1], c[2], 255],
            _ => [c[0], c[0], c[0], 255],
        })
        .collect();
    (info.width, info.height, pixels)
}
