/** The order of a mapping's keys, and the shapes of its values: what `fmt` and the writer order keys by. */
export interface Shape {
  keys?: readonly string[];
  /** Shapes of the values of some keys. */
  fields?: Readonly<Record<string, Shape>>;
  /** Shape of every item, when the value is a sequence. */
  items?: Shape;
}
