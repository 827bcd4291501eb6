// A gather's row lookup, prepended to gather and gatherShifted (no bindings of its own): each
// declares params.indexOffset, the `index` binding and the `errors` counter it uses.
//
// The source row of output row r, or -1 when out of range (counted once: by invocation 0 of model 0).
fn sourceRow(r: u32, srcRows: u32, counter: u32) -> i32 {
  let position = params.indexOffset + r;
  if (position < arrayLength(&index)) {
    let row = index[position];
    if (row >= 0 && u32(row) < srcRows) {
      return row;
    }
  }
  if (counter == 0u) {
    atomicAdd(&errors[0], 1u);
  }
  return -1;
}
