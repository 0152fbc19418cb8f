export function check(): void {
  console.log('test output stays');
}
