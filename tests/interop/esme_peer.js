#!/usr/bin/env node
// An ESME built on the npm package `smpp` (an SMPP implementation independent of ours), for
// tst_smpp_interop_npm: binds as transceiver to HOST:PORT (our SmscServer, in the vendor emulator),
// submits GSM-7 texts, a UCS-2 text and a long text split with a UDH, checks every submit_sm_resp,
// waits for the delivery receipt of each part, unbinds, and prints one JSON summary line.
// Exit status 0 when everything was answered OK and receipted, 1 otherwise.
//
//   node esme_peer.js --host 127.0.0.1 --port 2775 --system-id npm --password pw [--count 5] [--timeout-ms 20000]
'use strict';

const smpp = require('smpp');

function parseArgs(argv) {
    const options = {host: '127.0.0.1', port: 2775, 'system-id': 'npm', password: '', count: 5, 'timeout-ms': 20000};
    for (let i = 0; i < argv.length; i += 2) {
        const key = argv[i].replace(/^--/, '');
        if (!(key in options) || i + 1 >= argv.length) {
            process.stderr.write(`unknown or incomplete option ${argv[i]}\n`);
            process.exit(2);
        }
        options[key] = argv[i + 1];
    }
    options.port = Number(options.port);
    options.count = Number(options.count);
    options['timeout-ms'] = Number(options['timeout-ms']);
    return options;
}

const options = parseArgs(process.argv.slice(2));
const summary = {ok: false, bound: false, bindStatus: null, sent: [], responses: [], receipts: [], mo: [], errors: []};
let finished = false;

function finish(ok) {
    if (finished) {
        return;
    }
    finished = true;
    summary.ok = ok && summary.errors.length === 0;
    process.stdout.write(JSON.stringify(summary) + '\n', () => process.exit(summary.ok ? 0 : 1));
}

// The messages: GSM-7 with characters from the basic table and the extension table, UCS-2 with
// Cyrillic, CJK and a symbol, and a 200-character GSM-7 text in two parts (UDH, 8-bit reference).
function buildMessages(count) {
    const messages = [];
    for (let i = 0; i < count; i++) {
        messages.push({
            destination: '4479000100' + String(i).padStart(2, '0'),
            text: `GSM-7 #${i} @£$¥ èé ÄÖÑÜ äöñüà {braces} [x] ~ €`,
            dataCoding: 0,
        });
    }
    messages.push({destination: '447900020001', text: 'Привет, мир! ✓ 你好', dataCoding: 8});
    const longText = 'A long message from the npm smpp peer, split in two parts with a user data header. '
        .repeat(3).slice(0, 200);
    messages.push({destination: '447900030001', text: longText, dataCoding: 0, split: true});
    return messages;
}

function submitsFor(message, reference) {
    const base = {
        source_addr_ton: 5,
        source_addr_npi: 0,
        source_addr: 'NpmPeer',
        dest_addr_ton: 1,
        dest_addr_npi: 1,
        destination_addr: message.destination,
        registered_delivery: 1,
        data_coding: message.dataCoding,
    };
    if (!message.split) {
        return [Object.assign({short_message: message.text}, base)];
    }
    const chunks = [];
    for (let at = 0; at < message.text.length; at += 153) {
        chunks.push(message.text.slice(at, at + 153));
    }
    return chunks.map((chunk, index) => Object.assign({
        short_message: {udh: Buffer.from([0x05, 0x00, 0x03, reference, chunks.length, index + 1]), message: chunk},
    }, base));
}

const messages = buildMessages(options.count);
let expectedResponses = 0;
const receiptsWanted = new Set();

let unbinding = false;

function checkDone() {
    if (unbinding || summary.responses.length < expectedResponses) {
        return;
    }
    const received = new Set(summary.receipts.map(receipt => receipt.id));
    for (const id of receiptsWanted) {
        if (!received.has(id)) {
            return;
        }
    }
    const allOk = summary.responses.every(response => response.status === 0 && response.messageId);
    if (!allOk) {
        summary.errors.push('a submit_sm was not answered ESME_ROK with a message id');
    }
    unbinding = true;
    session.unbind(() => {
        session.close();
        finish(allOk);
    });
    setTimeout(() => finish(allOk), 2000); // an unbind_resp that never comes must not hang the test
}

const session = smpp.connect({
    url: `smpp://${options.host}:${options.port}`,
    connectTimeout: 5000,
    auto_enquire_link_period: 500, // exercises the SMSC's enquire_link answer while we wait
});

session.on('error', error => {
    summary.errors.push('socket: ' + error.message);
    finish(false);
});

setTimeout(() => {
    summary.errors.push(`timed out after ${options['timeout-ms']} ms`);
    finish(false);
}, options['timeout-ms']).unref();

session.on('connect', () => {
    session.bind_transceiver({system_id: options['system-id'], password: options.password}, pdu => {
        summary.bindStatus = pdu.command_status;
        if (pdu.command_status !== 0) {
            summary.errors.push('bind refused with status ' + pdu.command_status);
            finish(false);
            return;
        }
        summary.bound = true;
        let reference = 42;
        for (const message of messages) {
            const submits = submitsFor(message, reference++);
            summary.sent.push({destination: message.destination, text: message.text, dataCoding: message.dataCoding,
                parts: submits.length});
            submits.forEach((submit, index) => {
                expectedResponses++;
                session.submit_sm(submit, response => {
                    summary.responses.push({destination: message.destination, part: index + 1,
                        status: response.command_status, messageId: response.message_id || ''});
                    if (response.command_status === 0 && response.message_id) {
                        receiptsWanted.add(response.message_id);
                    }
                    checkDone();
                });
            });
        }
    });
});

session.on('deliver_sm', pdu => {
    session.send(pdu.response());
    const message = pdu.short_message && typeof pdu.short_message === 'object' && 'message' in pdu.short_message
        ? pdu.short_message.message : String(pdu.short_message);
    if (!(pdu.esm_class & 0x04)) {
        summary.mo.push({source: pdu.source_addr, text: message});
        return;
    }
    const stat = /stat:(\w+)/i.exec(message);
    const id = /id:(\S+)/i.exec(message);
    summary.receipts.push({
        id: pdu.receipted_message_id || '',
        textId: id ? id[1] : '',
        stat: stat ? stat[1] : '',
        messageState: pdu.message_state,
        source: pdu.source_addr,
        destination: pdu.destination_addr,
        text: message,
    });
    checkDone();
});
