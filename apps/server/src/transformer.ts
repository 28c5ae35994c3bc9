import superjson, { type SuperJSONResult } from "superjson";

/**
 * superjson both ways, reading inputs in place: they arrive fresh from `JSON.parse`, so the deep copy
 * superjson makes of each by default protects nothing (`superjson.parse` reads in place for the same reason).
 */
export const transformer = {
  input: {
    serialize: superjson.serialize,
    deserialize: (payload: SuperJSONResult) => superjson.deserialize(payload, { inPlace: true }),
  },
  output: superjson,
};
