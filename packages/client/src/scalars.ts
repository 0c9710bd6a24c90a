/** The gateway's `Date`: an ISO calendar date, "2024-03-01". */
export type IsoDate = `${number}-${number}-${number}`;
/** The gateway's `DateTime`: an ISO instant with its offset, in Hong Kong time: "2024-03-01T12:00:00+08:00". */
export type IsoDateTime = string;
/** The gateway's `JSON`: any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** The gateway's `JSONObject`: a JSON object (a record's fields, a group's key). */
export type JsonObject = { [key: string]: JsonValue };
