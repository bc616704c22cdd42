import { benchEngine } from "../bench/engine.ts";
console.log(JSON.stringify((await benchEngine())[0]!.rows));
