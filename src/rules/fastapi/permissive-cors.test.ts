import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './permissive-cors.js';

test('fastapi/permissive-cors: wildcard origins or regex with credentials', async () => {
  await expectLines(
    rule,
    {
      'main.py': text(
        'import os',
        'from fastapi import FastAPI',
        'from fastapi.middleware.cors import CORSMiddleware',
        'from starlette.middleware import Middleware',
        'app = FastAPI()',
        'app.add_middleware(',
        '    CORSMiddleware,',
        '    allow_origins=["*"],',
        '    allow_credentials=True,',
        ')',
        "mw = [Middleware(CORSMiddleware, allow_origin_regex='.*', allow_credentials=True)]",
        "app.add_middleware(CORSMiddleware, allow_origins=os.getenv('ORIGINS', '*').split(','), allow_credentials=True)",
      ),
    },
    ['main.py:8', 'main.py:11', 'main.py:12'],
  );
});

test('fastapi/permissive-cors: listed origins, or a wildcard without credentials, are silent', async () => {
  await expectLines(
    rule,
    {
      'main.py': text(
        'from fastapi import FastAPI',
        'from fastapi.middleware.cors import CORSMiddleware',
        'app = FastAPI()',
        'app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"])',
        'app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)',
      ),
    },
    [],
  );
});
