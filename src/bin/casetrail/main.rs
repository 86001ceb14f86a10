mod worker;

fn main() {
    worker::run_if_requested();
}
