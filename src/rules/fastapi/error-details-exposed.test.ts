import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './error-details-exposed.js';

test('fastapi/error-details-exposed: HTTPException detail=str(e) and a handler returning the exception', async () => {
  await expectLines(
    rule,
    {
      'main.py': text(
        'from fastapi import FastAPI, HTTPException, Request',
        'from fastapi.responses import JSONResponse',
        'app = FastAPI()',
        '@app.get("/items/{id}")',
        'async def read(id: int):',
        '    try:',
        '        return load(id)',
        '    except Exception as e:',
        '        raise HTTPException(status_code=500, detail=str(e))',
        '@app.exception_handler(Exception)',
        'async def unhandled(request: Request, exc: Exception):',
        '    return JSONResponse(status_code=500, content={"detail": repr(exc)})',
      ),
    },
    ['main.py:9', 'main.py:12'],
  );
});

test('fastapi/error-details-exposed: generic details and re-raises are silent', async () => {
  await expectLines(
    rule,
    {
      'main.py': text(
        'import logging',
        'from fastapi import FastAPI, HTTPException',
        'app = FastAPI()',
        '@app.get("/x")',
        'async def x():',
        '    try:',
        '        return work()',
        '    except ValueError as e:',
        '        logging.exception("failed: %s", e)',
        "        raise HTTPException(status_code=400, detail='Invalid input') from e",
        '    except Exception:',
        '        raise',
      ),
    },
    [],
  );
});
